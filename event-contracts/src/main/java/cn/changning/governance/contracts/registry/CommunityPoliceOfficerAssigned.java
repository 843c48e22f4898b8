package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.LocalDate;

/**
 * A community police officer took up post in a residential area ("one police officer per residential area").
 *
 * @param areaCode   the residential area; the aggregate id and record key
 * @param inPostFrom the first day in post (the 5 years of service count from it)
 * @param handover   another officer was already in post: the first half of a "first in, then out" transfer, whose
 *                   predecessor may now be released
 */
@PublishedEvent(context = "party-registry")
public record CommunityPoliceOfficerAssigned(String areaCode, String officerId, LocalDate inPostFrom, boolean handover) {
}
