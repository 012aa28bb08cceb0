package io.postyard.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.helper.ConditionalHelpers;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;

import io.postyard.core.account.AccountId;

/**
 * The console's pages: Handlebars templates from the jar ({@code console/templates}), each rendered into the layout.
 * Every value is HTML-escaped unless a template says otherwise, and no template does for data.
 */
public class Templates {
    private final Handlebars handlebars = new Handlebars(new ClassPathTemplateLoader("/console/templates", ".hbs"))
        .registerHelpers(ConditionalHelpers.class);
    private final ConcurrentMap<String, Template> compiled = new ConcurrentHashMap<>();

    /** A page: its template rendered with the model, inside the layout with the navigation of a signed-in session. */
    public String page(String name, String title, Optional<ConsoleSession> session, Map<String, Object> model) {
        Map<String, Object> page = new LinkedHashMap<>(model);
        session.ifPresent(signedIn -> page.put("csrf", signedIn.csrfToken()));
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("title", title);
        layout.put("body", render(name, page));
        session.ifPresent(signedIn -> {
            layout.put("signedIn", true);
            layout.put("csrf", signedIn.csrfToken());
            layout.put("account", signedIn.account().value());
            layout.put("operator", signedIn.account().equals(AccountId.DEFAULT));
        });
        layout.put("section", name);
        return render("layout", layout);
    }

    private String render(String name, Map<String, Object> model) {
        try {
            return compiled.computeIfAbsent(name, this::compile).apply(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Template compile(String name) {
        try {
            return handlebars.compile(name);
        } catch (IOException e) {
            throw new UncheckedIOException("No console template " + name, e);
        }
    }
}
