package cn.changning.governance.assessment.domain.indicator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Every indicator of one subject (an agency or a street) in one period, as counts. A missing indicator is {@link Ratio#NONE}. */
public record IndicatorValues(Map<Indicator, Ratio> ratios) {

    public static final IndicatorValues EMPTY = new IndicatorValues(Map.of());

    public IndicatorValues {
        EnumMap<Indicator, Ratio> copy = new EnumMap<>(Indicator.class);
        copy.putAll(ratios);
        ratios = Collections.unmodifiableMap(copy);
    }

    public Ratio of(Indicator indicator) {
        return ratios.getOrDefault(indicator, Ratio.NONE);
    }
}
