package io.postyard.mailgun;

import com.fasterxml.jackson.annotation.JsonProperty;

record MessageView(@JsonProperty("message") String message) {
}
