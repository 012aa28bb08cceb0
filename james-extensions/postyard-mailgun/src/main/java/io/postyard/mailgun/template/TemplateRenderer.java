package io.postyard.mailgun.template;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Map;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.helper.EachHelper;

/**
 * Renders Handlebars templates; a template that does not compile or render is the caller's error, not ours. A render
 * has a budget, {@link #MAX_RENDER_TIME} and {@link #MAX_OUTPUT_CHARS}: nested {@code each} blocks multiply, and a
 * stored template of a few lines could otherwise keep a core busy for minutes. The budget is checked at every
 * {@code each} and every write, so a render that exceeds it stops there.
 */
public class TemplateRenderer {
    public static final Duration MAX_RENDER_TIME = Duration.ofSeconds(1);
    public static final int MAX_OUTPUT_CHARS = 10 * 1024 * 1024;
    private static final String BUDGET = "postyard.render.budget";

    public static class InvalidTemplateException extends RuntimeException {
        public InvalidTemplateException(String message) {
            super(message);
        }
    }

    private final Handlebars handlebars = new Handlebars().registerHelper(EachHelper.NAME, budgeted(EachHelper.INSTANCE));

    public void check(String source) {
        compile(source);
    }

    public String render(String source, Map<String, Object> variables) {
        Template template = compile(source);
        Budget budget = new Budget(System.nanoTime() + MAX_RENDER_TIME.toNanos());
        Context context = Context.newBuilder(variables).build().data(BUDGET, budget);
        StringWriter output = new StringWriter();
        try {
            template.apply(context, new BudgetedWriter(output, budget));
            return output.toString();
        } catch (IOException | HandlebarsException e) {
            if (budget.exceeded != null) {
                throw new InvalidTemplateException(budget.exceeded);
            }
            throw new InvalidTemplateException("The template cannot be rendered: " + e.getMessage());
        } catch (BudgetExceeded e) {
            throw new InvalidTemplateException(e.getMessage());
        } finally {
            context.destroy();
        }
    }

    private Template compile(String source) {
        try {
            return handlebars.compileInline(source);
        } catch (IOException | HandlebarsException e) {
            throw new InvalidTemplateException("The template is not valid Handlebars: " + e.getMessage());
        }
    }

    private static Helper<Object> budgeted(Helper<Object> loop) {
        return (context, options) -> {
            budgetOf(options).checkTime();
            return loop.apply(context, options);
        };
    }

    private static Budget budgetOf(Options options) {
        Budget budget = options.context.data(BUDGET);
        if (budget == null) {
            throw new IllegalStateException("Rendered without a budget");
        }
        return budget;
    }

    /** What one render may still spend. Not shared between threads: one render runs on one. */
    private static final class Budget {
        private final long deadlineNanos;
        private long charsLeft = MAX_OUTPUT_CHARS;
        private String exceeded;

        private Budget(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        void checkTime() {
            if (System.nanoTime() > deadlineNanos) {
                exceed("The template takes longer than " + MAX_RENDER_TIME.toMillis() + " ms to render");
            }
        }

        void spend(int chars) {
            charsLeft -= chars;
            if (charsLeft < 0) {
                exceed("The template renders more than " + MAX_OUTPUT_CHARS + " characters");
            }
            checkTime();
        }

        private void exceed(String reason) {
            exceeded = reason;
            throw new BudgetExceeded(reason);
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        private BudgetExceeded(String message) {
            super(message, null, false, false);
        }
    }

    private static final class BudgetedWriter extends Writer {
        private final Writer target;
        private final Budget budget;

        private BudgetedWriter(Writer target, Budget budget) {
            this.target = target;
            this.budget = budget;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            budget.spend(length);
            target.write(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            budget.spend(length);
            target.write(text, offset, length);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
