package cn.changning.governance.partyregistry.domain.area;

import cn.changning.governance.contracts.personal.SealedValue;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Appoint a residential area's party secretary, replacing the one in office (re-appointing the one in office changes
 * nothing, so an import run twice is harmless). The birth year is read from the identity number by the caller.
 *
 * @param name            sealed under {@code area-secretary:<secretaryId>}, field {@code secretary.name}
 * @param expectedVersion the If-Match version, or null for no check
 */
public record AppointAreaSecretary(@TargetAggregateIdentifier String areaCode, String secretaryId, SealedValue name,
                                   int birthYear, boolean careerEstablishment, LocalDate appointedOn,
                                   @TargetAggregateVersion Long expectedVersion) {

    public AppointAreaSecretary(String areaCode, String secretaryId, SealedValue name, int birthYear,
                                boolean careerEstablishment, LocalDate appointedOn) {
        this(areaCode, secretaryId, name, birthYear, careerEstablishment, appointedOn, null);
    }
}
