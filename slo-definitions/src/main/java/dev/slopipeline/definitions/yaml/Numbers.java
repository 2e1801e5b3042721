package dev.slopipeline.definitions.yaml;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers in messages as people write them: 90 rather than 90.0, 144 rather than 144.00000000000003. */
final class Numbers {

    private Numbers() {
    }

    static String plain(double value, int maxDecimals) {
        return BigDecimal.valueOf(value).setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
