package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/** The templates API: templates, versions, the active one, and bad input. */
class MailgunTemplatesApiTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder().build();

    private static final String BASE = "/mailgun/v3/templates.test/templates";

    @BeforeAll
    static void createDomain() {
        call("POST", "/mailgun/v3/domains").form(Map.of("name", "templates.test")).send();
    }

    private static HttpApi.Call call(String method, String path) {
        return postyard.api().call(method, path).basicAuth("api", postyard.primaryKey());
    }

    @Test
    void aTemplateAndItsVersionsRoundTrip() {
        ApiResponse created = call("POST", BASE).form(Map.of("name", "Receipt", "description", "Receipts",
            "template", "<p>Paid {{amount}}</p>", "tag", "v1", "comment", "first")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().get("message").asText()).isEqualTo("template has been stored");
        assertThat(created.json().get("template").get("name").asText()).isEqualTo("receipt");
        assertThat(created.json().get("template").get("version").get("tag").asText()).isEqualTo("v1");

        ApiResponse version = call("POST", BASE + "/receipt/versions").form(Map.of("tag", "v2",
            "template", "<p>Received {{amount}}</p>", "active", "yes")).send();
        assertThat(version.json().get("message").asText()).isEqualTo("new version of the template has been stored");

        JsonNode active = call("GET", BASE + "/receipt?active=yes").send().json().get("template");
        assertThat(active.get("version").get("tag").asText()).isEqualTo("v2");
        assertThat(active.get("version").get("template").asText()).isEqualTo("<p>Received {{amount}}</p>");
        JsonNode versions = call("GET", BASE + "/receipt/versions").send().json().get("template").get("versions");
        assertThat(versions).hasSize(2);
        assertThat(call("GET", BASE + "/receipt/versions/v1").send().json().get("template").get("version").get("active").asBoolean()).isFalse();

        assertThat(call("PUT", BASE + "/receipt/versions/v1").form(Map.of("active", "yes", "comment", "back")).send().status()).isEqualTo(200);
        assertThat(call("GET", BASE + "/receipt?active=yes").send().json().get("template").get("version").get("tag").asText()).isEqualTo("v1");
        assertThat(call("PUT", BASE + "/receipt").form(Map.of("description", "Payment receipts")).send().status()).isEqualTo(200);
        assertThat(call("GET", BASE).send().json().get("items")).anySatisfy(item ->
            assertThat(item.get("description").asText()).isEqualTo("Payment receipts"));

        assertThat(call("DELETE", BASE + "/receipt/versions/v2").send().json().get("message").asText()).isEqualTo("version has been deleted");
        assertThat(call("DELETE", BASE + "/receipt").send().json().get("message").asText()).isEqualTo("template has been deleted");
        assertThat(call("GET", BASE + "/receipt").send().status()).isEqualTo(404);
    }

    @Test
    void badTemplatesAreRefused() {
        assertThat(call("POST", BASE).form(Map.of("name", "bad name!")).send().status()).isEqualTo(400);
        ApiResponse broken = call("POST", BASE).form(Map.of("name", "broken", "template", "{{#if}}unclosed")).send();
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("message").asText()).contains("Handlebars");
        assertThat(call("POST", BASE).form(Map.of("name", "other-engine", "template", "x", "engine", "go")).send().status()).isEqualTo(400);
        call("POST", BASE).form(Map.of("name", "twice")).send();
        assertThat(call("POST", BASE).form(Map.of("name", "twice")).send().status()).isEqualTo(409);
        assertThat(call("GET", BASE + "/missing/versions/v9").send().status()).isEqualTo(404);
    }
}
