package io.postyard.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

import spark.Response;
import spark.Route;

/** The one Jackson mapper of the public API, and the adapter that lets routes return plain objects. */
public final class Json {
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    public static final ObjectMapper MAPPER = new ObjectMapper()
        .registerModule(new Jdk8Module())
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @FunctionalInterface
    public interface Handler {
        Object handle(spark.Request request, Response response) throws Exception;
    }

    /** A route whose result is serialized as the JSON body. */
    public static Route route(Handler handler) {
        return (request, response) -> {
            Object result = handler.handle(request, response);
            response.type(CONTENT_TYPE);
            return write(result);
        };
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getName(), e);
        }
    }

    private Json() {
    }
}
