package org.hainstall.core.seed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a node posts: {@code {"node":…,"timestamp":…,"nonce":…,"prepStatus":…,"hostKeyFingerprints":[…]}}.
 * Strict: every field required, no other field, values from small alphabets (node-prep builds it with printf).
 */
public record CallbackBody(String node, String timestamp, String nonce, String prepStatus,
                           List<String> hostKeyFingerprints) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("node", "timestamp", "nonce", "prepStatus", "hostKeyFingerprints");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9:._-]{1,128}");
    private static final Pattern STATUS = Pattern.compile("ok|failed:[a-z0-9_-]{1,64}");
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    public CallbackBody {
        hostKeyFingerprints = List.copyOf(hostKeyFingerprints);
    }

    /** Parses and checks; any problem is an IllegalArgumentException with a short reason (no body echoed). */
    public static CallbackBody parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (String name : root.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field " + (WORD.matcher(name).matches() ? name : "?"));
            }
        }
        String node = text(root, "node", WORD);
        String timestamp = text(root, "timestamp", WORD);
        String nonce = text(root, "nonce", WORD);
        String status = text(root, "prepStatus", STATUS);
        JsonNode fps = root.get("hostKeyFingerprints");
        if (fps == null || !fps.isArray() || fps.isEmpty() || fps.size() > 8) {
            throw new IllegalArgumentException("hostKeyFingerprints must be a list of 1 to 8 fingerprints");
        }
        List<String> list = new ArrayList<>();
        Iterator<JsonNode> it = fps.iterator();
        while (it.hasNext()) {
            JsonNode fp = it.next();
            if (!fp.isString() || !FINGERPRINT.matcher(fp.asString()).matches()) {
                throw new IllegalArgumentException("hostKeyFingerprints holds something that is not SHA256:…");
            }
            list.add(fp.asString());
        }
        return new CallbackBody(node, timestamp, nonce, status, list);
    }

    private static String text(JsonNode root, String field, Pattern allowed) {
        JsonNode n = root.get(field);
        if (n == null || !n.isString() || !allowed.matcher(n.asString()).matches()) {
            throw new IllegalArgumentException("field " + field + " missing or not allowed");
        }
        return n.asString();
    }

    /** The body node-prep sends, built the same way (tests and documentation). */
    public String toJson() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"node\":\"").append(node).append("\",\"timestamp\":\"").append(timestamp)
                .append("\",\"nonce\":\"").append(nonce).append("\",\"prepStatus\":\"").append(prepStatus)
                .append("\",\"hostKeyFingerprints\":[");
        for (int i = 0; i < hostKeyFingerprints.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(hostKeyFingerprints.get(i)).append('"');
        }
        return sb.append("]}").toString();
    }
}
