package dev.slopipeline.definitions.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a", "checkout", "checkout-availability", "web2", "a-b-c",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk"})
    void shouldAcceptDnsLabelLikeNames(String name) {
        assertThat(Names.problemWith(name)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Checkout       | checkout",
            "checkout_api   | checkout-api",
            "2fa-login      | fa-login",
            "shop-          | shop",
            "-shop          | shop",
            "shop.eu        | shop-eu",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl | abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk",
    })
    void shouldRefuseOtherNamesAndOfferACorrectedOne(String name, String corrected) {
        assertThat(Names.problemWith(name)).contains("name \"" + name + "\" is not valid: use 1 to 63 lowercase letters, "
                + "digits and \"-\", starting with a letter and not ending with \"-\", e.g. \"" + corrected + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"123", "--", "ü"})
    void shouldOfferNoCorrectionWhenNoneCanBeDerived(String name) {
        assertThat(Names.problemWith(name)).hasValueSatisfying(message -> assertThat(message).doesNotContain("e.g."));
    }
}
