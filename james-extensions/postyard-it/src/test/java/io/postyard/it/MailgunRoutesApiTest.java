package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.mailgun.api.v3.MailgunRoutesApi;
import com.mailgun.client.MailgunClient;
import com.mailgun.model.routes.Route;
import com.mailgun.model.routes.RoutesListResponse;
import com.mailgun.model.routes.RoutesMatchRequest;
import com.mailgun.model.routes.RoutesPageRequest;
import com.mailgun.model.routes.RoutesRequest;
import com.mailgun.model.routes.RoutesResponse;

import feign.FeignException;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/** {@code /v3/routes} through HTTP and the official mailgun-java client: the API half of Mailgun's inbound routes. */
class MailgunRoutesApiTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder().build();

    private static MailgunRoutesApi client() {
        return MailgunClient.config("http://" + PostyardExtension.LOCALHOST + ":" + postyard.httpPort() + "/mailgun",
            postyard.primaryKey()).createApi(MailgunRoutesApi.class);
    }

    private static HttpApi.Call primary(HttpApi.Call call) {
        return call.basicAuth("api", postyard.primaryKey());
    }

    private static ApiResponse create(List<Map.Entry<String, String>> fields) {
        return primary(postyard.api().post("/mailgun/v3/routes")).multipart(fields, List.of()).send();
    }

    @Test
    void aRouteIsCreatedReadUpdatedAndDeletedInMailgunsShapes() {
        ApiResponse created = create(List.of(Map.entry("priority", "1"), Map.entry("description", "Support tickets"),
            Map.entry("expression", "match_recipient(\"support-(?P<ticket>\\d+)@help.test\")"),
            Map.entry("action", "forward(\"https://hooks.example/tickets/\\g<ticket>\")"), Map.entry("action", "stop()")));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().get("message").asText()).isEqualTo("Route has been created");
        JsonNode route = created.json().get("route");
        String id = route.get("id").asText();
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(route.get("priority").asInt()).isEqualTo(1);
        assertThat(route.get("actions")).extracting(JsonNode::asText)
            .containsExactly("forward(\"https://hooks.example/tickets/\\g<ticket>\")", "stop()");
        assertThat(route.get("created_at").asText()).endsWith("GMT");

        assertThat(primary(postyard.api().get("/mailgun/v3/routes/" + id)).send().json().get("route").get("description").asText())
            .isEqualTo("Support tickets");
        ApiResponse updated = primary(postyard.api().put("/mailgun/v3/routes/" + id)).form(Map.of("priority", "7")).send();
        assertThat(updated.json().get("message").asText()).isEqualTo("Route has been updated");
        assertThat(updated.json().get("priority").asInt()).isEqualTo(7);
        assertThat(updated.json().get("description").asText()).isEqualTo("Support tickets");

        ApiResponse deleted = primary(postyard.api().delete("/mailgun/v3/routes/" + id)).send();
        assertThat(deleted.json().get("message").asText()).isEqualTo("Route has been deleted");
        assertThat(deleted.json().get("id").asText()).isEqualTo(id);
        ApiResponse gone = primary(postyard.api().get("/mailgun/v3/routes/" + id)).send();
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("message").asText()).isEqualTo("Route not found");
    }

    @Test
    void matchFindsTheFirstRouteByPriorityWithCatchAllLast() {
        create(List.of(Map.entry("priority", "50"), Map.entry("expression", "catch_all()"), Map.entry("action", "store()")));
        String sales = create(List.of(Map.entry("priority", "10"), Map.entry("expression", "match_recipient('sales@.*')"),
            Map.entry("action", "forward('team@example.test')"))).json().get("route").get("id").asText();

        JsonNode match = primary(postyard.api().get("/mailgun/v3/routes/match?address=sales@shop.test")).send().json();
        JsonNode fallback = primary(postyard.api().get("/mailgun/v3/routes/match?address=nobody@shop.test")).send().json();

        assertThat(match.get("route").get("id").asText()).isEqualTo(sales);
        assertThat(fallback.get("route").get("expression").asText()).isEqualTo("catch_all()");
        assertThat(primary(postyard.api().get("/mailgun/v3/routes/match")).send().status()).isEqualTo(400);
    }

    @Test
    void badExpressionsAndActionsAre400WithAReason() {
        List<List<Map.Entry<String, String>>> bad = List.of(
            List.of(Map.entry("expression", "match_recipient(\"[\")"), Map.entry("action", "stop()")),
            List.of(Map.entry("expression", "match_everything()"), Map.entry("action", "stop()")),
            List.of(Map.entry("expression", "catch_all()"), Map.entry("action", "forward(\"ftp://x.test\")")),
            List.of(Map.entry("expression", "catch_all()"), Map.entry("action", "forward(\"http://127.0.0.1/steal\")")),
            List.of(Map.entry("expression", "catch_all()")),
            List.of(Map.entry("action", "stop()")),
            List.of(Map.entry("expression", "catch_all()"), Map.entry("action", "stop()"), Map.entry("priority", "high")));
        for (List<Map.Entry<String, String>> fields : bad) {
            ApiResponse response = create(fields);
            assertThat(response.status()).as(fields.toString()).isEqualTo(400);
            assertThat(response.json().get("message").asText()).as(fields.toString()).isNotBlank();
        }
    }

    @Test
    void routesBelongToTheirAccountAndNeedThePrimaryKey() {
        String id = create(List.of(Map.entry("expression", "catch_all()"), Map.entry("action", "stop()"))).json().get("route").get("id").asText();
        String otherAccount = postyard.webAdmin().post("/postyard/keys")
            .json("{\"kind\":\"primary\",\"account\":\"elsewhere\",\"description\":\"other\"}").send().json().get("secret").asText();

        assertThat(postyard.api().get("/mailgun/v3/routes/" + id).basicAuth("api", otherAccount).send().status()).isEqualTo(404);
        assertThat(postyard.api().get("/mailgun/v3/routes").basicAuth("api", otherAccount).send().json().get("total_count").asInt()).isZero();
        assertThat(postyard.api().get("/mailgun/v3/routes").send().status()).isEqualTo(401);
    }

    @Test
    void theOfficialJavaClientManagesRoutes() {
        MailgunRoutesApi routes = client();

        RoutesResponse created = routes.createRoute(RoutesRequest.builder().priority(3).description("From the SDK")
            .expression("match_recipient('.*@sdk.test')").action("forward(\"https://hooks.example/invoices\")").build());
        Route read = routes.getSingleRoute(created.getRoute().getId()).getRoute();
        Route updated = routes.updateRoute(read.getId(), RoutesRequest.builder().description("Renamed").build());
        RoutesListResponse page = routes.getRoutesList(RoutesPageRequest.builder().limit(100).skip(0).build());
        Route matched = routes.matchRoute(RoutesMatchRequest.builder().address("billing@sdk.test").build()).getRoute();

        assertThat(created.getMessage()).isEqualTo("Route has been created");
        assertThat(read.getPriority()).isEqualTo(3);
        assertThat(read.getActions()).containsExactly("forward(\"https://hooks.example/invoices\")");
        assertThat(read.getCreatedAt()).isNotNull();
        assertThat(updated.getDescription()).isEqualTo("Renamed");
        assertThat(page.getTotalCount()).isGreaterThanOrEqualTo(1);
        assertThat(page.getItems()).extracting(Route::getId).contains(read.getId());
        assertThat(matched.getId()).isEqualTo(read.getId());
        assertThat(routes.deleteRoute(read.getId()).getMessage()).isEqualTo("Route has been deleted");
        assertThatThrownBy(() -> routes.getSingleRoute(read.getId())).isInstanceOf(FeignException.NotFound.class);
    }
}
