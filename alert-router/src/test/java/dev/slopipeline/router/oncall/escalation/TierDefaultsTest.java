package dev.slopipeline.router.oncall.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TierDefaultsTest {

    @Test
    void shouldPageWithEscalationForTierOne() {
        assertThat(TierDefaults.forTier(1, Optional.of("payments"))).isEqualTo(new AlertResponse.Page("payments", PagingMode.ESCALATE));
    }

    @Test
    void shouldPageTheFirstLevelOnlyForTierTwo() {
        assertThat(TierDefaults.forTier(2, Optional.of("payments"))).isEqualTo(new AlertResponse.Page("payments", PagingMode.PRIMARY_ONLY));
    }

    @Test
    void shouldOpenATicketForTierThreeAndNotifyTheOwnerForTierFourEvenWithAPolicy() {
        assertThat(TierDefaults.forTier(3, Optional.of("payments"))).isEqualTo(new AlertResponse.Ticket());
        assertThat(TierDefaults.forTier(4, Optional.empty())).isEqualTo(new AlertResponse.NotifyOwner());
    }

    @Test
    void shouldRefuseToPageWithoutAPolicy() {
        assertThatThrownBy(() -> TierDefaults.forTier(1, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a tier 1 service pages through an escalation policy, but its receiver names none");
        assertThatThrownBy(() -> TierDefaults.forTier(5, Optional.of("payments")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tier must be 1 to 4, got 5");
    }
}
