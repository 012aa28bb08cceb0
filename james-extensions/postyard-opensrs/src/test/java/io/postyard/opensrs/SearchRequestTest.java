package io.postyard.opensrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postyard.http.Json;

class SearchRequestTest {
    private static SearchRequest search(String json) throws Exception {
        return SearchRequest.of(new OmaRequest("search_users", (ObjectNode) Json.MAPPER.readTree(json)));
    }

    @Test
    void wildcardsMatchOneOrManyCharactersAndNothingElseIsSpecial() throws Exception {
        SearchRequest request = search("{\"criteria\":{\"match\":\"a?c*.test\"}}");

        assertThat(request.matches("abc.test")).isTrue();
        assertThat(request.matches("ABCDEF.test")).isTrue();
        assertThat(request.matches("ac.test")).isFalse();
        assertThat(search("{\"criteria\":{\"match\":\"a.c\"}}").matches("abc")).isFalse();
    }

    @Test
    void rangeAndSortPickTheRightPage() throws Exception {
        SearchRequest request = search("{\"range\":{\"first\":1,\"limit\":2},\"sort\":{\"by\":\"name\",\"direction\":\"descending\"}}");

        List<String> sorted = List.of("a", "b", "c", "d").stream()
            .sorted(request.comparator(List.of("name"), by -> Comparator.<String>naturalOrder()))
            .toList();

        assertThat(request.page(sorted)).containsExactly("c", "b");
    }

    @Test
    void outOfBoundsPagingIsAMalformedRequest() {
        for (String json : List.of("{\"range\":{\"limit\":0}}", "{\"range\":{\"first\":-1}}", "{\"range\":{\"limit\":100000}}",
            "{\"sort\":{\"direction\":\"sideways\"}}", "{\"range\":\"all\"}")) {
            try {
                search(json);
                throw new AssertionError("accepted " + json);
            } catch (OmaException e) {
                assertThat(e.error()).isEqualTo(OmaError.MALFORMED_REQUEST);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
