package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/** Bounces, complaints, unsubscribes and whitelists through HTTP, as curl and the SDKs call them. */
class MailgunSuppressionsApiTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder().build();

    private static final String DOMAIN = "lists.test";

    @BeforeAll
    static void createDomains() {
        for (String name : List.of(DOMAIN, "paging.test", "bulk.test", "csv.test", "clear.test")) {
            assertThat(primary(postyard.api().post("/mailgun/v3/domains")).form(Map.of("name", name)).send().status()).isEqualTo(200);
        }
    }

    private static HttpApi.Call primary(HttpApi.Call call) {
        return call.basicAuth("api", postyard.primaryKey());
    }

    private static ApiResponse add(String domain, String list, Map<String, String> fields) {
        return primary(postyard.api().post("/mailgun/v3/" + domain + "/" + list)).form(fields).send();
    }

    private static ApiResponse get(String path) {
        return primary(postyard.api().get(path)).send();
    }

    @Test
    void aBounceCanBeAddedReadListedAndRemoved() {
        ApiResponse added = add(DOMAIN, "bounces", Map.of("address", "Alice@Example.com", "code", "550", "error", "No such mailbox"));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("message").asText()).isEqualTo("Address has been added to the bounces table");
        assertThat(added.json().get("address").asText()).isEqualTo("Alice@example.com");

        JsonNode one = get("/mailgun/v3/" + DOMAIN + "/bounces/alice@example.com").json();
        assertThat(one.get("address").asText()).isEqualTo("Alice@example.com");
        assertThat(one.get("code").asText()).isEqualTo("550");
        assertThat(one.get("error").asText()).isEqualTo("No such mailbox");
        assertThat(one.get("created_at").asText()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");

        JsonNode listed = get("/mailgun/v3/" + DOMAIN + "/bounces").json();
        assertThat(listed.get("items")).anySatisfy(item -> assertThat(item.get("address").asText()).isEqualTo("Alice@example.com"));
        assertThat(listed.get("paging").get("first").asText()).startsWith("http://" + PostyardExtension.LOCALHOST);

        ApiResponse removed = primary(postyard.api().delete("/mailgun/v3/" + DOMAIN + "/bounces/ALICE@example.com")).send();
        assertThat(removed.json().get("message").asText()).isEqualTo("Bounced address has been removed");
        assertThat(get("/mailgun/v3/" + DOMAIN + "/bounces/alice@example.com").status()).isEqualTo(404);
    }

    @Test
    void anUnknownAddressIsNotFoundWithEachListsWording() {
        for (String list : List.of("bounces", "complaints", "unsubscribes", "whitelists")) {
            ApiResponse response = get("/mailgun/v3/" + DOMAIN + "/" + list + "/nobody@example.com");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("message").asText()).isEqualTo("Address not found in " + list + " table");
            assertThat(primary(postyard.api().delete("/mailgun/v3/" + DOMAIN + "/" + list + "/nobody@example.com")).send().status())
                .isEqualTo(404);
        }
    }

    @Test
    void aComplaintKeepsItsDescription() {
        add(DOMAIN, "complaints", Map.of("address", "angry@example.com", "error", "Recipient reported message as SPAM"));

        JsonNode one = get("/mailgun/v3/" + DOMAIN + "/complaints/angry@example.com").json();

        assertThat(one.get("description").asText()).isEqualTo("Recipient reported message as SPAM");
        assertThat(primary(postyard.api().delete("/mailgun/v3/" + DOMAIN + "/complaints/angry@example.com")).send()
            .json().get("message").asText()).isEqualTo("Spam complaint has been removed");
    }

    @Test
    void unsubscribesCarryTagsThatAccumulate() {
        add(DOMAIN, "unsubscribes", Map.of("address", "reader@example.com", "tag", "newsletter"));
        add(DOMAIN, "unsubscribes", Map.of("address", "reader@example.com", "tag", "promotions"));
        add(DOMAIN, "unsubscribes", Map.of("address", "everything@example.com"));

        assertThat(get("/mailgun/v3/" + DOMAIN + "/unsubscribes/reader@example.com").json().get("tags"))
            .extracting(JsonNode::asText).containsExactly("newsletter", "promotions");
        assertThat(get("/mailgun/v3/" + DOMAIN + "/unsubscribes/everything@example.com").json().get("tags"))
            .extracting(JsonNode::asText).containsExactly("*");
    }

    @Test
    void whitelistsTakeAnAddressOrAWholeDomain() {
        ApiResponse address = add(DOMAIN, "whitelists", Map.of("address", "seed@example.com"));
        ApiResponse domain = primary(postyard.api().post("/mailgun/v3/" + DOMAIN + "/whitelists?domain=partner.example")).send();

        assertThat(address.json().get("message").asText()).isEqualTo("Address/Domain has been added to the whitelists table");
        assertThat(address.json().get("type").asText()).isEqualTo("address");
        assertThat(domain.status()).isEqualTo(200);
        assertThat(domain.json().get("type").asText()).isEqualTo("domain");
        assertThat(domain.json().get("value").asText()).isEqualTo("partner.example");
        assertThat(get("/mailgun/v3/" + DOMAIN + "/whitelists/partner.example").json().get("type").asText()).isEqualTo("domain");
        ApiResponse removed = primary(postyard.api().delete("/mailgun/v3/" + DOMAIN + "/whitelists/seed@example.com")).send();
        assertThat(removed.json().get("message").asText()).isEqualTo("Whitelist address/domain has been removed");
        assertThat(removed.json().get("value").asText()).isEqualTo("seed@example.com");
    }

    @Test
    void missingOrInvalidFieldsAre400NamingTheField() {
        ApiResponse missing = add(DOMAIN, "bounces", Map.of("code", "550"));
        ApiResponse invalid = add(DOMAIN, "complaints", Map.of("address", "not an address"));
        ApiResponse crlf = add(DOMAIN, "unsubscribes", Map.of("address", "a@example.com\r\nBcc: x@y.z"));
        ApiResponse badDate = add(DOMAIN, "bounces", Map.of("address", "a@example.com", "created_at", "yesterday"));
        ApiResponse noWhitelistValue = add(DOMAIN, "whitelists", Map.of("reason", "none"));
        ApiResponse badWhitelistDomain = add(DOMAIN, "whitelists", Map.of("domain", "not_a_domain"));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").asText()).contains("address");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("message").asText()).contains("address");
        assertThat(crlf.status()).isEqualTo(400);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("message").asText()).contains("created_at");
        assertThat(noWhitelistValue.status()).isEqualTo(400);
        assertThat(badWhitelistDomain.status()).isEqualTo(400);
        assertThat(badWhitelistDomain.json().get("message").asText()).contains("domain");
    }

    @Test
    void anUnknownDomainIsNotFound() {
        ApiResponse response = get("/mailgun/v3/unknown.test/bounces");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("message").asText()).isEqualTo("Domain not found");
    }

    @Test
    void aSendingKeyCannotReadSuppressions() {
        String key = postyard.webAdmin().post("/postyard/keys").json("{\"kind\":\"domain_sending\",\"domain\":\"" + DOMAIN + "\"}")
            .send().json().get("secret").asText();

        assertThat(postyard.api().get("/mailgun/v3/" + DOMAIN + "/bounces").basicAuth("api", key).send().status()).isEqualTo(403);
    }

    @Test
    void bulkJsonArraysAddUpTo1000EntriesAtOnce() {
        String json = IntStream.range(0, 3)
            .mapToObj(i -> "{\"address\":\"bulk" + i + "@example.com\",\"code\":\"551\",\"error\":\"gone\"}")
            .collect(Collectors.joining(",", "[", "]"));

        ApiResponse response = primary(postyard.api().post("/mailgun/v3/bulk.test/bounces")).json(json).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("message").asText()).isEqualTo("3 addresses have been added to the bounces table");
        assertThat(get("/mailgun/v3/bulk.test/bounces/bulk2@example.com").json().get("code").asText()).isEqualTo("551");
    }

    @Test
    void aBulkRequestWithOneBadEntryStoresNothing() {
        ApiResponse response = primary(postyard.api().post("/mailgun/v3/bulk.test/complaints"))
            .json("[{\"address\":\"fine@example.com\"},{\"address\":\"broken\"}]").send();
        ApiResponse tooMany = primary(postyard.api().post("/mailgun/v3/bulk.test/complaints"))
            .json(IntStream.range(0, 1001).mapToObj(i -> "{\"address\":\"m" + i + "@example.com\"}")
                .collect(Collectors.joining(",", "[", "]"))).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("Entry 1").contains("address");
        assertThat(get("/mailgun/v3/bulk.test/complaints/fine@example.com").status()).isEqualTo(404);
        assertThat(tooMany.status()).isEqualTo(400);
    }

    @Test
    void aCsvFileIsImported() {
        String csv = "address,tags,created_at\n"
            + "one@example.com,weekly,\"Mon, 05 Apr 2021 14:40:50 GMT\"\n"
            + "two@example.com,,\n";

        ApiResponse response = primary(postyard.api().post("/mailgun/v3/csv.test/unsubscribes/import"))
            .multipart(Map.of(), Map.of("file", Map.entry("unsubscribes.csv", csv.getBytes(StandardCharsets.UTF_8)))).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode one = get("/mailgun/v3/csv.test/unsubscribes/one@example.com").json();
        assertThat(one.get("tags")).extracting(JsonNode::asText).containsExactly("weekly");
        assertThat(one.get("created_at").asText()).isEqualTo("Mon, 05 Apr 2021 14:40:50 GMT");
        assertThat(get("/mailgun/v3/csv.test/unsubscribes/two@example.com").json().get("tags").get(0).asText()).isEqualTo("*");
    }

    @Test
    void aCsvFileWithABadRowIsRefusedWhole() {
        String csv = "address,code\nok@example.com,550\nnot-an-address,550\n";

        ApiResponse response = primary(postyard.api().post("/mailgun/v3/csv.test/bounces/import"))
            .multipart(Map.of(), Map.of("file", Map.entry("bounces.csv", csv.getBytes(StandardCharsets.UTF_8)))).send();
        ApiResponse noFile = primary(postyard.api().post("/mailgun/v3/csv.test/bounces/import")).multipart(Map.of("x", "y")).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("Line 3");
        assertThat(get("/mailgun/v3/csv.test/bounces/ok@example.com").status()).isEqualTo(404);
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().get("message").asText()).contains("file");
    }

    @Test
    void everyListOfADomainCanBeClearedAtOnce() {
        Map<String, String> messages = Map.of(
            "bounces", "Bounced addresses for this domain have been removed",
            "complaints", "Complaint addresses for this domain have been removed",
            "unsubscribes", "Unsubscribe addresses for this domain have been removed",
            "whitelists", "Whitelist addresses/domains for this domain have been removed");
        messages.forEach((list, message) -> {
            add("clear.test", list, Map.of("address", "x@example.com"));
            add("clear.test", list, Map.of("address", "y@example.com"));
            add(DOMAIN, list, Map.of("address", "kept-" + list + "@example.com"));

            ApiResponse cleared = primary(postyard.api().delete("/mailgun/v3/clear.test/" + list)).send();

            assertThat(cleared.status()).isEqualTo(200);
            assertThat(cleared.json().get("message").asText()).isEqualTo(message);
            assertThat(get("/mailgun/v3/clear.test/" + list).json().get("items")).isEmpty();
            assertThat(get("/mailgun/v3/" + DOMAIN + "/" + list + "/kept-" + list + "@example.com").status()).isEqualTo(200);
        });
    }

    @Test
    void aJsonArrayOfUnsubscribesKeepsEveryTagOfEachAddress() {
        ApiResponse response = primary(postyard.api().post("/mailgun/v3/bulk.test/unsubscribes"))
            .json("[{\"address\":\"u1@far.test\",\"tags\":[\"news\",\"offers\"]},{\"address\":\"u2@far.test\"}]").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(get("/mailgun/v3/bulk.test/unsubscribes/u1@far.test").json().get("tags"))
            .extracting(JsonNode::asText).containsExactly("news", "offers");
        assertThat(get("/mailgun/v3/bulk.test/unsubscribes/u2@far.test").json().get("tags"))
            .extracting(JsonNode::asText).containsExactly("*");
    }

    @Test
    void aRepeatedTagFieldOnAFormKeepsEveryTag() {
        ApiResponse response = primary(postyard.api().post("/mailgun/v3/bulk.test/unsubscribes"))
            .multipart(List.of(Map.entry("address", "u3@far.test"), Map.entry("tag", "news"), Map.entry("tag", "digest")), List.of())
            .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(get("/mailgun/v3/bulk.test/unsubscribes/u3@far.test").json().get("tags"))
            .extracting(JsonNode::asText).containsExactly("news", "digest");
    }

    @Test
    void pagingThroughTwoAndAHalfThousandEntriesHasNoDuplicatesAndNoGaps() {
        List<String> expected = IntStream.range(0, 2500).mapToObj(i -> String.format("user%05d@example.com", i)).toList();
        for (int from = 0; from < expected.size(); from += 1000) {
            String json = expected.subList(from, Math.min(expected.size(), from + 1000)).stream()
                .map(address -> "{\"address\":\"" + address + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
            assertThat(primary(postyard.api().post("/mailgun/v3/paging.test/bounces")).json(json).send().status()).isEqualTo(200);
        }

        List<String> forward = new ArrayList<>();
        JsonNode page = get("/mailgun/v3/paging.test/bounces?limit=1000").json();
        int pages = 1;
        while (true) {
            page.get("items").forEach(item -> forward.add(item.get("address").asText()));
            String next = page.get("paging").get("next").asText();
            if (next.equals(page.get("paging").get("last").asText())) {
                break;
            }
            assertThat(next).startsWith("http://");
            page = get(next).json();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(forward).containsExactlyElementsOf(expected);

        List<String> backward = new ArrayList<>();
        page = get("/mailgun/v3/paging.test/bounces?page=last&limit=700").json();
        Set<String> seen = new HashSet<>();
        while (true) {
            List<String> addresses = new ArrayList<>();
            page.get("items").forEach(item -> addresses.add(item.get("address").asText()));
            assertThat(addresses).allMatch(seen::add);
            backward.addAll(0, addresses);
            String previous = page.get("paging").get("previous").asText();
            if (previous.equals(page.get("paging").get("first").asText())) {
                break;
            }
            page = get(previous).json();
        }
        assertThat(backward).containsExactlyElementsOf(expected);

        JsonNode skipped = get("/mailgun/v3/paging.test/bounces?limit=10&skip=2495").json();
        assertThat(skipped.get("items")).extracting(item -> item.get("address").asText())
            .containsExactlyElementsOf(expected.subList(2495, 2500));
    }

    @Test
    void wrongPagingParametersAre400() {
        assertThat(get("/mailgun/v3/" + DOMAIN + "/bounces?limit=1001").status()).isEqualTo(400);
        assertThat(get("/mailgun/v3/" + DOMAIN + "/bounces?limit=x").status()).isEqualTo(400);
        assertThat(get("/mailgun/v3/" + DOMAIN + "/bounces?page=sideways").status()).isEqualTo(400);
        assertThat(get("/mailgun/v3/" + DOMAIN + "/bounces?page=next").json().get("message").asText()).contains("address");
    }
}
