package setsunai.gateway.rest;

import java.util.List;
import setsunai.gateway.service.Degradation;

/** An answer composed from several services, which says which of them failed. */
public interface Composite {

    List<Degradation> degraded();
}
