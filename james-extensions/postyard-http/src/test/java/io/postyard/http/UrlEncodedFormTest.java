package io.postyard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlEncodedFormTest {
    @Test
    void decodesPlusPercentAndRepeatedFields() {
        var fields = UrlEncodedForm.parse("to=a%40x.test&to=b%40x.test&subject=hello+w%C3%B6rld&flag&empty=");

        assertThat(fields.get("to")).containsExactly("a@x.test", "b@x.test");
        assertThat(fields.get("subject")).containsExactly("hello wörld");
        assertThat(fields.get("flag")).containsExactly("");
        assertThat(fields.get("empty")).containsExactly("");
    }

    @Test
    void keepsCrlfSoThatCallersCanRejectIt() {
        assertThat(UrlEncodedForm.parse("h%3AX=a%0D%0Ab").get("h:X")).containsExactly("a\r\nb");
    }

    @Test
    void rejectsMalformedEscapes() {
        assertThatThrownBy(() -> UrlEncodedForm.parse("a=%z1")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UrlEncodedForm.parse("a=%4")).isInstanceOf(ApiException.class);
    }

    @Test
    void rejectsInvalidUtf8() {
        assertThatThrownBy(() -> UrlEncodedForm.parse("a=%C3%28"))
            .isInstanceOf(ApiException.class)
            .extracting(e -> ((ApiException) e).error().status())
            .isEqualTo(400);
    }
}
