package io.postyard.core.template;

import java.io.IOException;
import java.util.Map;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Template;

/** Renders Handlebars templates; a template that does not compile or render is the caller's error, not ours. */
public class TemplateRenderer {
    public static class InvalidTemplateException extends RuntimeException {
        public InvalidTemplateException(String message) {
            super(message);
        }
    }

    private final Handlebars handlebars = new Handlebars();

    public void check(String source) {
        compile(source);
    }

    public String render(String source, Map<String, Object> variables) {
        try {
            return compile(source).apply(variables);
        } catch (IOException | HandlebarsException e) {
            throw new InvalidTemplateException("The template cannot be rendered: " + e.getMessage());
        }
    }

    private Template compile(String source) {
        try {
            return handlebars.compileInline(source);
        } catch (IOException | HandlebarsException e) {
            throw new InvalidTemplateException("The template is not valid Handlebars: " + e.getMessage());
        }
    }
}
