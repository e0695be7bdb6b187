package setsunai.gateway.api;

import java.util.List;

/** An answer composed from several services, which says which of them failed. */
public interface Composite {

    List<Degradation> degraded();
}
