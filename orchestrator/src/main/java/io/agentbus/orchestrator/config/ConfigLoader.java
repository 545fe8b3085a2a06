package io.agentbus.orchestrator.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Loads {@link OrchestratorConfig}: the built-in {@code orchestrator.json}, with the fields of an
 * optional override file laid over it (objects merge field by field; a list or value replaces
 * the default). Unknown fields, wrong types and values out of range are errors naming the field.
 */
public final class ConfigLoader {
    static final String RESOURCE = "orchestrator.json";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigLoader() {
    }

    /** The built-in defaults. */
    public static OrchestratorConfig defaults() {
        return bind(defaultTree(), "the built-in " + RESOURCE);
    }

    /** The defaults with {@code override} laid over them; {@code null} means the defaults alone. */
    public static OrchestratorConfig load(Path override) {
        if (override == null) {
            return defaults();
        }
        JsonNode tree = defaultTree();
        merge((ObjectNode) tree, readOverride(override));
        return bind(tree, override.toString());
    }

    private static JsonNode readOverride(Path file) {
        try {
            JsonNode node = MAPPER.readTree(Files.readString(file));
            if (node == null || !node.isObject()) {
                throw new ConfigException("config " + file + ": must be a JSON object");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new ConfigException("config " + file + ": no such file", e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config " + file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("config " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode target, JsonNode override) {
        Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode current = target.get(field.getKey());
            if (current != null && current.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) current, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static JsonNode defaultTree() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in " + RESOURCE, e);
        }
    }

    private static OrchestratorConfig bind(JsonNode tree, String source) {
        try {
            return MAPPER.treeToValue(tree, OrchestratorConfig.class).validate();
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("config " + source + ": unknown field '" + path(e) + "'", e);
        } catch (JsonMappingException e) {
            throw new ConfigException("config " + source + ": field '" + path(e) + "': " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config " + source + ": " + e.getOriginalMessage(), e);
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage().replaceFirst("^config:", "config " + source + ":"), e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
