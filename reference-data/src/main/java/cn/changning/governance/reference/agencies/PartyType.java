package cn.changning.governance.reference.agencies;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kind of party a dispatch order can go to: one of a street's own agencies ({@link AgencyType}: a stationed
 * agency or the street team) or a unit outside the street that serves it ({@link DistrictUnitType}: a utility or a
 * district department). Dispatch orders store the kind by its {@link #name()}, so the names of both enums are
 * distinct and {@link #of(String)} reads either back.
 */
public sealed interface PartyType permits AgencyType, DistrictUnitType {

    String name();

    /** True for the street's own team: the party that handles type A alone, leads type B and assists type C. */
    default boolean isStreetTeam() {
        return this == AgencyType.STREET_TEAM;
    }

    @JsonCreator
    static PartyType of(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no agency or district-unit type " + name));
    }

    static Optional<PartyType> find(String name) {
        return Stream.concat(Arrays.stream(AgencyType.values()), Arrays.stream(DistrictUnitType.values()))
                .filter(t -> t.name().equals(name)).map(PartyType.class::cast).findFirst();
    }
}
