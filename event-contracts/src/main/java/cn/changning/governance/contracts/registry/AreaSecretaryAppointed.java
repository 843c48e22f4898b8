package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;
import cn.changning.governance.contracts.personal.SealedValue;

import java.time.LocalDate;

/**
 * A residential area's party secretary (居民区党组织书记) was appointed, replacing the predecessor if there was one. The
 * facts the "507030" target counts are kept in clear (birth year, career establishment); the name is sealed.
 *
 * @param areaCode               the residential area (12 digits, the reference data's); the aggregate id and record key
 * @param secretaryId            the secretary's id (UUID v3 of {@code area-secretary:} + the pseudonym of the identity number)
 * @param name                   sealed under subject {@code area-secretary:<secretaryId>}, field {@code secretary.name}
 * @param careerEstablishment    on the career establishment (事业编制 / 职业化 quota): the "50" of 507030
 * @param predecessorSecretaryId the secretary replaced, or null for the area's first
 */
@PublishedEvent(context = "party-registry")
public record AreaSecretaryAppointed(String areaCode, String secretaryId, SealedValue name, int birthYear,
                                     boolean careerEstablishment, LocalDate appointedOn, String predecessorSecretaryId) {
}
