package dev.slopipeline.kit.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTest {

    @Test
    void shouldKeepEveryValueOfARepeatedParameterInOrder() {
        Request request = Request.builder("GET", "/api/v2/alerts")
                .query("filter=alertname%3D%22Disk%22&active=true&filter=team%3D~%22pay.*%22")
                .build();

        assertThat(request.parameters("filter")).containsExactly("alertname=\"Disk\"", "team=~\"pay.*\"");
        assertThat(request.parameter("filter")).hasValue("alertname=\"Disk\"");
        assertThat(request.parameters("receiver")).isEmpty();
    }
}
