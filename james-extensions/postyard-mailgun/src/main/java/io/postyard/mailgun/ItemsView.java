package io.postyard.mailgun;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonPropertyOrder({"items", "total_count"})
record ItemsView<T>(@JsonProperty("items") List<T> items,
                    @JsonProperty("total_count") int totalCount) {
}
