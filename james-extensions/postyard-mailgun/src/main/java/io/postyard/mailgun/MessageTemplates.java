package io.postyard.mailgun;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.jsoup.Jsoup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.sending.UserVariablesHeader;
import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import io.postyard.http.Json;
import io.postyard.mailgun.template.MessageTemplate;
import io.postyard.mailgun.template.TemplateRenderer;
import io.postyard.mailgun.template.TemplateStore;
import io.postyard.mailgun.template.TemplateVersion;

/**
 * The bodies of a send: from {@code text}/{@code html}, or rendered from a stored {@code template} with the
 * {@code v:} variables and {@code t:variables}; then {@code substitutions} applied.
 */
class MessageTemplates {
    record Rendered(Optional<String> subject, Optional<String> text, Optional<String> html) {
    }

    private final TemplateStore templates;
    private final TemplateRenderer renderer;

    @Inject
    MessageTemplates(TemplateStore templates, TemplateRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
    }

    Rendered render(Domain domain, FormData form) {
        Optional<String> text = form.firstNonBlank("text");
        Optional<String> html = form.firstNonBlank("html");
        Optional<String> templateName = form.firstNonBlank("template");
        if (templateName.isPresent()) {
            TemplateVersion version = version(domain, templateName.get().trim(), form.firstNonBlank("t:version"));
            String rendered = render(version.template(), variables(form));
            html = Optional.of(rendered);
            if (text.isEmpty() && SendOptions.yesNo(form, "t:text").orElse(false)) {
                text = Optional.of(Jsoup.parse(rendered).wholeText().strip());
            }
        }
        if (text.isEmpty() && html.isEmpty() && form.firstNonBlank("amp-html").isEmpty()) {
            throw ApiException.validation("Need at least one of 'text', 'html' or 'template' parameters specified",
                Map.of("field", "text"));
        }
        Map<String, String> substitutions = substitutions(form);
        return new Rendered(form.first("subject").map(subject -> substitute(subject, substitutions)),
            text.map(value -> substitute(value, substitutions)), html.map(value -> substitute(value, substitutions)));
    }

    private TemplateVersion version(Domain domain, String name, Optional<String> tag) {
        MessageTemplate template = templates.get(domain, name.toLowerCase(Locale.ROOT))
            .orElseThrow(() -> ApiException.validation("Template '" + name + "' not found", Map.of("field", "template")));
        return tag.map(value -> template.version(value.trim()).orElseThrow(() ->
                ApiException.validation("Template version '" + value + "' not found", Map.of("field", "t:version"))))
            .or(template::activeVersion)
            .orElseThrow(() -> ApiException.validation("Template '" + name + "' has no active version", Map.of("field", "template")));
    }

    private String render(String source, Map<String, Object> variables) {
        try {
            return renderer.render(source, variables);
        } catch (TemplateRenderer.InvalidTemplateException e) {
            throw ApiException.validation(e.getMessage(), Map.of("field", "template"));
        }
    }

    /**
     * {@code h:X-Mailgun-Variables}, overlaid by {@code v:} variables (JSON values when they parse as JSON), overlaid
     * by {@code t:variables}.
     */
    private static Map<String, Object> variables(FormData form) {
        Map<String, Object> variables = new HashMap<>();
        form.fields().entries().stream()
            .filter(entry -> entry.getKey().equalsIgnoreCase("h:" + UserVariablesHeader.NAME))
            .forEach(entry -> UserVariablesHeader.parse(entry.getValue())
                .forEach((name, value) -> variables.put(name, jsonOrText(value))));
        form.fields().entries().stream()
            .filter(entry -> entry.getKey().startsWith("v:"))
            .forEach(entry -> variables.put(entry.getKey().substring(2), jsonOrText(entry.getValue())));
        form.firstNonBlank("t:variables").ifPresent(json -> variables.putAll(jsonObject(json, "t:variables")));
        return variables;
    }

    private static Object jsonOrText(String value) {
        try {
            JsonNode node = Json.MAPPER.readTree(value);
            return node != null && node.isContainerNode() ? Json.MAPPER.convertValue(node, Object.class) : value;
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    private static Map<String, Object> jsonObject(String json, String field) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException();
            }
            return Json.MAPPER.convertValue(node, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ApiException.validation("'" + field + "' must be a JSON object", Map.of("field", field));
        }
    }

    private static Map<String, String> substitutions(FormData form) {
        Map<String, String> result = new HashMap<>();
        form.firstNonBlank("substitutions").ifPresent(json -> jsonObject(json, "substitutions")
            .forEach((key, value) -> result.put(key, String.valueOf(value))));
        return result;
    }

    private static String substitute(String text, Map<String, String> substitutions) {
        String result = text;
        for (Map.Entry<String, String> entry : substitutions.entrySet()) {
            if (!entry.getKey().isEmpty()) {
                result = result.replace(entry.getKey(), entry.getValue());
            }
        }
        return result;
    }
}
