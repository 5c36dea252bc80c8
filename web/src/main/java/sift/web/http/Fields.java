package sift.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a request that changes something, sent by a page's form or as a JSON object by a script or an API
 * client: one map either way. Repeated form fields and JSON arrays are joined with commas.
 */
public final class Fields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fields() {}

    public static Map<String, String> of(Context ctx) {
        Map<String, String> fields = new HashMap<>();
        if (ctx.isJson()) {
            try {
                JsonNode body = JSON.readTree(ctx.body());
                if (body == null || !body.isObject()) {
                    throw new BadRequestResponse("The body must be a JSON object, such as {\"read\": true}.");
                }
                body.fields().forEachRemaining(e -> fields.put(e.getKey(), text(e.getValue())));
            } catch (JsonProcessingException e) {
                throw new BadRequestResponse("The body is not JSON: " + e.getOriginalMessage());
            }
        } else {
            ctx.formParamMap().forEach((name, values) -> fields.put(name, String.join(",", values)));
        }
        return fields;
    }

    private static String text(JsonNode value) {
        if (!value.isArray()) {
            return value.asText();
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        return String.join(",", items);
    }

    /** A whole number sent as {@code name} (a form field or a path's id); a 400 naming it when it is not one. */
    public static long wholeNumber(String name, String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + " must be a whole number, not '" + value + "'.");
        }
    }

    /**
     * The whole number sent as {@code name} (a query parameter), from {@code min} to {@code max}
     * ({@link Long#MAX_VALUE}: no upper bound), or null when it is not sent; anything else, a number too large for a
     * long included, is a 400 that names it; {@code beyond} is added to the message of a number out of range.
     */
    public static Long wholeNumber(String name, String value, long min, long max, String beyond) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        String shown = v.length() > 40 ? v.substring(0, 40) + "…" : v;
        if (!v.matches("[-+]?[0-9]+")) {
            throw new BadRequestResponse(name + " must be a whole number, not '" + shown + "'");
        }
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // too large for a long: out of range
        }
        String range = max == Long.MAX_VALUE ? " up" : " to " + max;
        throw new BadRequestResponse(name + " must be from " + min + range + ", not " + shown + beyond);
    }

    /** A true/false field: null when it is not sent, a 400 naming it when it is anything else. */
    public static Boolean flag(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestResponse(name + " must be true or false, not '" + value + "'");
        };
    }
}
