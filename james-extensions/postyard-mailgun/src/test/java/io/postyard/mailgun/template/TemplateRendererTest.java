package io.postyard.mailgun.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TemplateRendererTest {
    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void variablesAndLoopsRender() {
        assertThat(renderer.render("Hi {{name}}:{{#each items}} {{this}}{{/each}}", Map.of("name", "Ann", "items", List.of(1, 2, 3))))
            .isEqualTo("Hi Ann: 1 2 3");
    }

    @Test
    void nestedLoopsThatWouldRunForMinutesStopWithinTheTimeBudget() {
        List<Integer> ten = IntStream.range(0, 10).boxed().toList();
        String eight = "{{#each l}}".repeat(8) + "." + "{{/each}}".repeat(8);
        long started = System.nanoTime();
        assertThatThrownBy(() -> renderer.render(eight, Map.of("l", ten)))
            .isInstanceOf(TemplateRenderer.InvalidTemplateException.class)
            .hasMessageContaining("ms to render");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void anOutputBeyondTheBudgetIsRefused() {
        String big = "x".repeat(1024 * 1024);
        assertThatThrownBy(() -> renderer.render("{{#each l}}{{big}}{{/each}}",
            Map.of("big", big, "l", IntStream.range(0, 11).boxed().toList())))
            .isInstanceOf(TemplateRenderer.InvalidTemplateException.class)
            .hasMessageContaining("characters");
    }
}
