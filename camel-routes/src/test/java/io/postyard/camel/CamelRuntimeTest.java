package io.postyard.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

class CamelRuntimeTest {
    @Test
    void runsTheRoutesContributedToIt() throws Exception {
        RouteBuilder upperCase = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:shout").routeId("shout")
                    .process(exchange -> exchange.getMessage().setBody(exchange.getMessage().getBody(String.class).toUpperCase()));
            }
        };
        CamelRuntime runtime = new CamelRuntime(Set.of(upperCase));

        runtime.start();
        try {
            assertThat(runtime.producer().requestBody("direct:shout", "hello", String.class)).isEqualTo("HELLO");
            assertThat(runtime.context().getRoute("shout")).isNotNull();
        } finally {
            runtime.stop();
        }
        assertThat(runtime.context().isStopped()).isTrue();
    }
}
