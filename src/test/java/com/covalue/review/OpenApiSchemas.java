package com.covalue.review;

import com.covalue.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Checks JSON against a schema of the published OpenAPI document, so tests prove that what the
 * service and the command line write is what the document promises.
 */
public final class OpenApiSchemas {

    private static final JsonNode COMPONENTS = load();

    private OpenApiSchemas() {
    }

    /** Every way {@code json} breaks {@code #/components/schemas/<name>}; empty when it conforms. */
    public static List<String> problems(String name, JsonNode json) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + name);
        root.set("components", COMPONENTS);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        return schema.validate(json).stream().map(ValidationMessage::getMessage).toList();
    }

    private static JsonNode load() {
        try (InputStream in = OpenApiSchemas.class.getResourceAsStream("/openapi/covalue-v1.yaml")) {
            return Json.YAML.readTree(in).get("components");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
