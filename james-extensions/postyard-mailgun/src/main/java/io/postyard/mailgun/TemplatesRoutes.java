package io.postyard.mailgun;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import spark.Request;
import spark.Service;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import io.postyard.http.Json;
import io.postyard.http.QueryParams;
import io.postyard.mailgun.template.MessageTemplate;
import io.postyard.mailgun.template.TemplateRenderer;
import io.postyard.mailgun.template.TemplateStore;
import io.postyard.mailgun.template.TemplateVersion;

/** {@code /v3/{domain}/templates}: Handlebars templates and their versions, which a send names with {@code template}. */
class TemplatesRoutes {
    private static final int MAX_NAME = 64;
    private static final int MAX_TEMPLATE_BYTES = 100 * 1024;
    private static final String INITIAL_TAG = "initial";

    private final OwnedDomains domains;
    private final TemplateStore templates;
    private final TemplateRenderer renderer;
    private final Clock clock;
    private final String publicUrl;

    @Inject
    TemplatesRoutes(OwnedDomains domains, TemplateStore templates, TemplateRenderer renderer, Clock clock,
                    PostyardSettings settings) {
        this.domains = domains;
        this.templates = templates;
        this.renderer = renderer;
        this.clock = clock;
        this.publicUrl = settings.publicUrl();
    }

    void define(Service service, String prefix) {
        String base = prefix + "/v3/:domain/templates";
        service.get(base, Json.route((request, response) -> list(request)));
        service.post(base, Json.route((request, response) -> create(request)));
        service.delete(base, Json.route((request, response) -> deleteAll(request)));
        service.get(base + "/:name", Json.route((request, response) -> get(request)));
        service.put(base + "/:name", Json.route((request, response) -> update(request)));
        service.delete(base + "/:name", Json.route((request, response) -> delete(request)));
        service.get(base + "/:name/versions", Json.route((request, response) -> versions(request)));
        service.post(base + "/:name/versions", Json.route((request, response) -> addVersion(request)));
        service.get(base + "/:name/versions/:tag", Json.route((request, response) -> getVersion(request)));
        service.put(base + "/:name/versions/:tag", Json.route((request, response) -> updateVersion(request)));
        service.delete(base + "/:name/versions/:tag", Json.route((request, response) -> deleteVersion(request)));
    }

    private Map<String, Object> list(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        int limit = QueryParams.integer(request, "limit", 10, 1, 1000);
        Optional<String> after = QueryParams.string(request, "p");
        List<MessageTemplate> page = templates.list(domain, after, limit);
        String url = publicUrl + MailgunApi.PREFIX + "/v3/" + domain.asString() + "/templates";
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("first", url + "?page=first&limit=" + limit);
        paging.put("last", url + "?page=last&limit=" + limit);
        paging.put("next", page.size() < limit ? paging.get("last")
            : url + "?page=next&p=" + page.get(page.size() - 1).name() + "&limit=" + limit);
        paging.put("previous", url + "?page=previous&limit=" + limit);
        return Map.of("items", page.stream().map(TemplatesRoutes::summary).toList(), "paging", paging);
    }

    private Map<String, Object> create(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        FormData form = FormData.parse(request);
        String name = name(form.require("name"));
        List<TemplateVersion> versions = new ArrayList<>();
        form.firstNonBlank("template").ifPresent(source -> versions.add(newVersion(form, source,
            form.firstNonBlank("tag").orElse(INITIAL_TAG), true)));
        MessageTemplate template = new MessageTemplate(domain, name, text(form, "description"), clock.instant(), versions);
        if (!templates.insertIfAbsent(template)) {
            throw ApiException.conflict("template with name '" + name + "' already exists");
        }
        Map<String, Object> view = summary(template);
        template.activeVersion().ifPresent(version -> view.put("version", version(version, false)));
        return Map.of("message", "template has been stored", "template", view);
    }

    private Map<String, Object> get(Request request) {
        MessageTemplate template = existing(request);
        Map<String, Object> view = summary(template);
        if (QueryParams.string(request, "active").map(value -> value.equalsIgnoreCase("yes")).orElse(false)) {
            template.activeVersion().ifPresent(version -> view.put("version", version(version, true)));
        }
        return Map.of("template", view);
    }

    private Map<String, Object> update(Request request) {
        MessageTemplate template = existing(request);
        FormData form = FormData.parse(request);
        templates.save(template.withDescription(form.firstNonBlank("description").map(value -> text(form, "description"))
            .orElse(template.description())));
        return Map.of("message", "template has been updated", "template", Map.of("name", template.name()));
    }

    private Map<String, Object> delete(Request request) {
        MessageTemplate template = existing(request);
        templates.delete(template.domain(), template.name());
        return Map.of("message", "template has been deleted", "template", Map.of("name", template.name()));
    }

    private Map<String, Object> deleteAll(Request request) {
        templates.deleteDomain(domains.ofPrimaryKey(request));
        return Map.of("message", "templates have been deleted");
    }

    private Map<String, Object> versions(Request request) {
        MessageTemplate template = existing(request);
        Map<String, Object> view = summary(template);
        view.put("versions", template.versions().stream().map(version -> version(version, false)).toList());
        return Map.of("template", view);
    }

    private Map<String, Object> addVersion(Request request) {
        MessageTemplate template = existing(request);
        FormData form = FormData.parse(request);
        String tag = tag(form.require("tag"));
        if (template.version(tag).isPresent()) {
            throw ApiException.conflict("version '" + tag + "' already exists");
        }
        boolean active = SendOptions.yesNo(form, "active").orElse(template.versions().isEmpty());
        templates.save(template.withVersionAdded(newVersion(form, form.require("template"), tag, active)));
        return Map.of("message", "new version of the template has been stored",
            "template", Map.of("name", template.name(), "version", Map.of("tag", tag)));
    }

    private Map<String, Object> getVersion(Request request) {
        MessageTemplate template = existing(request);
        TemplateVersion version = existingVersion(template, request.params("tag"));
        Map<String, Object> view = summary(template);
        view.put("version", version(version, true));
        return Map.of("template", view);
    }

    private Map<String, Object> updateVersion(Request request) {
        MessageTemplate template = existing(request);
        TemplateVersion current = existingVersion(template, request.params("tag"));
        FormData form = FormData.parse(request);
        String source = form.firstNonBlank("template").map(this::checkedSource).orElse(current.template());
        String comment = form.first("comment").map(value -> text(form, "comment")).orElse(current.comment());
        boolean active = SendOptions.yesNo(form, "active").orElse(current.active());
        templates.save(template.withVersionReplaced(
            new TemplateVersion(current.tag(), source, current.engine(), comment, active, current.createdAt())));
        return Map.of("message", "version has been updated",
            "template", Map.of("name", template.name(), "version", Map.of("tag", current.tag())));
    }

    private Map<String, Object> deleteVersion(Request request) {
        MessageTemplate template = existing(request);
        TemplateVersion version = existingVersion(template, request.params("tag"));
        templates.save(template.withoutVersion(version.tag()));
        return Map.of("message", "version has been deleted",
            "template", Map.of("name", template.name(), "version", Map.of("tag", version.tag())));
    }

    private TemplateVersion newVersion(FormData form, String source, String tag, boolean active) {
        String engine = form.firstNonBlank("engine").map(value -> value.trim().toLowerCase(Locale.ROOT)).orElse(TemplateVersion.HANDLEBARS);
        if (!engine.equals(TemplateVersion.HANDLEBARS)) {
            throw ApiException.validation("'engine' must be handlebars", Map.of("field", "engine"));
        }
        return new TemplateVersion(tag(tag), checkedSource(source), engine, text(form, "comment"), active, clock.instant());
    }

    private String checkedSource(String source) {
        if (source.length() > MAX_TEMPLATE_BYTES) {
            throw ApiException.validation("'template' may be at most 100 KB", Map.of("field", "template"));
        }
        try {
            renderer.check(source);
        } catch (TemplateRenderer.InvalidTemplateException e) {
            throw ApiException.validation(e.getMessage(), Map.of("field", "template"));
        }
        return source;
    }

    private static Map<String, Object> summary(MessageTemplate template) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("createdAt", MailgunDates.rfc2822(template.createdAt()));
        view.put("createdBy", "");
        view.put("description", template.description());
        view.put("name", template.name());
        return view;
    }

    private static Map<String, Object> version(TemplateVersion version, boolean withSource) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tag", version.tag());
        view.put("engine", version.engine());
        view.put("createdAt", MailgunDates.rfc2822(version.createdAt()));
        view.put("comment", version.comment());
        view.put("active", version.active());
        if (withSource) {
            view.put("template", version.template());
        }
        return view;
    }

    private MessageTemplate existing(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        String name = request.params("name").toLowerCase(Locale.ROOT);
        return templates.get(domain, name).orElseThrow(() -> ApiException.notFound("template not found"));
    }

    private static TemplateVersion existingVersion(MessageTemplate template, String tag) {
        return template.version(tag).orElseThrow(() -> ApiException.notFound("version not found"));
    }

    private static String name(String raw) {
        String name = raw.trim().toLowerCase(Locale.ROOT);
        if (name.length() > MAX_NAME || !name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw ApiException.validation("'name' must be 1 to " + MAX_NAME + " letters, digits, dots, dashes or underscores",
                Map.of("field", "name"));
        }
        return name;
    }

    private static String tag(String raw) {
        String tag = raw.trim().toLowerCase(Locale.ROOT);
        if (tag.length() > MAX_NAME || !tag.matches("[a-z0-9][a-z0-9._-]*")) {
            throw ApiException.validation("'tag' must be 1 to " + MAX_NAME + " letters, digits, dots, dashes or underscores",
                Map.of("field", "tag"));
        }
        return tag;
    }

    private static String text(FormData form, String field) {
        String value = form.first(field).orElse("");
        if (value.length() > 1024 || value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw ApiException.validation("'" + field + "' must be at most 1024 characters without control characters",
                Map.of("field", field));
        }
        return value;
    }
}
