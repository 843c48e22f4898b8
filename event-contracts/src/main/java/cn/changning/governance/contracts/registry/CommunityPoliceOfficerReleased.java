package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.LocalDate;

/**
 * A community police officer left post in a residential area, after a successor was in post (the area is never left
 * without an officer).
 *
 * @param areaCode               the residential area; the aggregate id and record key
 * @param inPostFrom             when the officer took up this post
 * @param leftWithinFiveYears    the officer served less than the 5 years a community officer should: accepted, with a
 *                               warning
 * @param deputySecretaryVacated the officer was the area's cross-appointed deputy party secretary, which ends with the post
 */
@PublishedEvent(context = "party-registry")
public record CommunityPoliceOfficerReleased(String areaCode, String officerId, LocalDate inPostFrom, LocalDate releasedOn,
                                             boolean leftWithinFiveYears, boolean deputySecretaryVacated) {
}
