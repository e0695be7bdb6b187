package setsunai.common.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string the services refuse to store (control characters); Jackson adds the field's path to it. */
public class UnsafeTextException extends JsonMappingException {

    public UnsafeTextException(JsonParser parser, String message) {
        super(parser, message);
    }
}
