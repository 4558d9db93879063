package org.clinicalsenate.testing.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/** One operation of a served contract, as the bad-input engine needs it. */
record Operation(String id, String method, String path, List<Parameter> parameters, String mediaType,
        Schema<?> body, Object bodyExample, boolean bodyRequired, List<String> roles, Set<Integer> statuses,
        String accept) {

    boolean declares(int status) {
        return statuses.contains(status);
    }

    /** Every operation of the contract, with references and allOf resolved. */
    static List<Operation> all(String contract) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setResolveCombinators(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(contract, null, options).getOpenAPI();
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, PathItem> entry : api.getPaths().entrySet()) {
            PathItem item = entry.getValue();
            item.readOperationsMap().forEach((method, operation) -> {
                List<Parameter> parameters = new ArrayList<>();
                if (item.getParameters() != null) {
                    parameters.addAll(item.getParameters());
                }
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                String mediaType = null;
                Schema<?> body = null;
                Object example = null;
                boolean required = false;
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    var content = operation.getRequestBody().getContent();
                    mediaType = content.containsKey("application/json") ? "application/json"
                            : content.keySet().iterator().next();
                    MediaType media = content.get(mediaType);
                    body = media.getSchema();
                    example = media.getExample();
                    required = Boolean.TRUE.equals(operation.getRequestBody().getRequired());
                }
                Set<Integer> statuses = new TreeSet<>();
                operation.getResponses().keySet().stream().filter(code -> code.matches("\\d{3}"))
                        .forEach(code -> statuses.add(Integer.parseInt(code)));
                // what a client asks for: JSON, unless the operation produces something else only (text/csv)
                List<String> produced = operation.getResponses().entrySet().stream()
                        .filter(r -> r.getKey().startsWith("2") && r.getValue().getContent() != null)
                        .flatMap(r -> r.getValue().getContent().keySet().stream()).toList();
                String accept = produced.isEmpty() || produced.contains("application/json") ? "application/json"
                        : produced.get(0);
                @SuppressWarnings("unchecked")
                List<String> roles = operation.getExtensions() == null ? List.of()
                        : (List<String>) operation.getExtensions().getOrDefault("x-roles", List.of());
                operations.add(new Operation(operation.getOperationId(), method.name(), entry.getKey(),
                        List.copyOf(parameters), mediaType, body, example, required, List.copyOf(roles),
                        statuses, accept));
            });
        }
        return operations;
    }
}
