package cn.changning.governance.partyregistry.projection;

import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.registry.Gender;
import cn.changning.governance.contracts.registry.PartyMemberCategory;
import cn.changning.governance.contracts.registry.PartyMemberDataErased;
import cn.changning.governance.contracts.registry.PartyMemberRegistered;
import cn.changning.governance.contracts.registry.PartyMembershipTransferred;
import cn.changning.governance.partyregistry.projection.member.MemberDocuments;
import cn.changning.governance.partyregistry.projection.member.MemberProjection;
import cn.changning.governance.partyregistry.projection.member.MemberQueries;
import cn.changning.governance.partyregistry.projection.member.MemberView;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.changning.governance.partyregistry.projection.ProjectionRecords.AT;
import static cn.changning.governance.partyregistry.projection.ProjectionRecords.JSON;
import static cn.changning.governance.partyregistry.projection.ProjectionRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

/** The members read model on the embedded Mongo: history, erasure, redelivery and stale events. */
class MemberProjectionTest {

    private static final String MEMBER = "m-1";
    private static final String SUBJECT = "party-member:m-1";
    private static final SealedValue NAME = new SealedValue(SUBJECT, "c2VhbGVkLW5hbWU=");
    private static final SealedValue NUMBER = new SealedValue(SUBJECT, "c2VhbGVkLW51bWJlcg==");
    private static final PartyMemberRegistered REGISTERED = new PartyMemberRegistered(MEMBER, "org-a", NAME, NUMBER, null,
            null, Gender.FEMALE, 1975, PartyMemberCategory.FULL, LocalDate.of(2001, 7, 1), "310105001", "310105001001");
    private static final PartyMembershipTransferred TRANSFERRED = new PartyMembershipTransferred(MEMBER, "org-a", "org-b",
            "310105002", null, LocalDate.of(2019, 4, 2), "new employer");
    private static final PartyMemberDataErased ERASED = new PartyMemberDataErased(MEMBER, SUBJECT, AT);

    private ProjectionRecords store;
    private MemberProjection projection;
    private MemberQueries queries;

    @BeforeEach
    void setUp() {
        store = new ProjectionRecords("member_projection");
        projection = new MemberProjection(store.mongo, new VersionedDocuments(VersionedDocuments.Guard.IN_MEMORY_CHECK), JSON);
        queries = new MemberQueries(store.mongo);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aRegisteredMemberKeepsTheSealedValuesAsPublished() {
        projection.process(List.of(record(MEMBER, 0, REGISTERED)));

        MemberView view = queries.find(MEMBER).orElseThrow();
        assertThat(view.name()).isEqualTo(NAME);
        assertThat(view.identityNumber()).isEqualTo(NUMBER);
        assertThat(view.phone()).isNull();
        assertThat(view.streetCode()).isEqualTo("310105001");
        assertThat(view.erased()).isFalse();
        assertThat(view.history()).containsExactly(new MemberView.Membership("org-a", LocalDate.of(2001, 7, 1), null));
    }

    @Test
    void aTransferMovesTheMemberAndKeepsTheHistory() {
        projection.process(List.of(record(MEMBER, 0, REGISTERED), record(MEMBER, 1, TRANSFERRED)));

        MemberView view = queries.find(MEMBER).orElseThrow();
        assertThat(view.organizationId()).isEqualTo("org-b");
        assertThat(view.streetCode()).isEqualTo("310105002");
        assertThat(view.residentialAreaCode()).isNull();
        assertThat(view.history()).containsExactly(
                new MemberView.Membership("org-a", LocalDate.of(2001, 7, 1), null),
                new MemberView.Membership("org-b", LocalDate.of(2019, 4, 2), "new employer"));
        assertThat(view.version()).isEqualTo(1);
    }

    @Test
    void aRedeliveredTransferIsNotRecordedTwice() {
        projection.process(List.of(record(MEMBER, 0, REGISTERED), record(MEMBER, 1, TRANSFERRED)));
        projection.process(List.of(record(MEMBER, 1, TRANSFERRED)));

        assertThat(queries.find(MEMBER).orElseThrow().history()).hasSize(2);
    }

    @Test
    void erasureDropsTheSealedValuesFromTheDocument() {
        projection.process(List.of(record(MEMBER, 0, REGISTERED), record(MEMBER, 1, ERASED)));

        Document stored = store.mongo.getCollection(MemberDocuments.MEMBERS).find(Filters.eq("_id", MEMBER)).first();
        assertThat(stored).doesNotContainKeys(MemberDocuments.NAME, MemberDocuments.IDENTITY_NUMBER,
                MemberDocuments.PHONE, MemberDocuments.ADDRESS);
        MemberView view = queries.find(MEMBER).orElseThrow();
        assertThat(view.erased()).isTrue();
        assertThat(view.erasedAt()).isEqualTo(AT);
        // The facts kept in clear still count.
        assertThat(view.birthYear()).isEqualTo(1975);
        assertThat(view.organizationId()).isEqualTo("org-a");
    }

    @Test
    void aRegistrationRedeliveredAfterTheErasureDoesNotBringTheValuesBack() {
        projection.process(List.of(record(MEMBER, 0, REGISTERED), record(MEMBER, 1, ERASED)));
        projection.process(List.of(record(MEMBER, 0, REGISTERED)));

        MemberView view = queries.find(MEMBER).orElseThrow();
        assertThat(view.name()).isNull();
        assertThat(view.identityNumber()).isNull();
        assertThat(view.erased()).isTrue();
    }

    @Test
    void aReplayFromTheStartEndsErasedToo() {
        // A read model rebuilt from offset 0 meets the sealed values first and their erasure after.
        projection.process(List.of(record(MEMBER, 0, REGISTERED), record(MEMBER, 1, TRANSFERRED), record(MEMBER, 2, ERASED)));
        store.mongo.getCollection(MemberDocuments.MEMBERS).drop();
        projection.process(List.of(record(MEMBER, 0, REGISTERED), record(MEMBER, 1, TRANSFERRED), record(MEMBER, 2, ERASED)));

        MemberView view = queries.find(MEMBER).orElseThrow();
        assertThat(view.name()).isNull();
        assertThat(view.erased()).isTrue();
        assertThat(view.history()).hasSize(2);
    }

    @Test
    void theMembersOfAnOrganizationArePaged() {
        for (int i = 0; i < 3; i++) {
            String id = "m-page-" + i;
            SealedValue name = new SealedValue("party-member:" + id, "eA==");
            projection.process(List.of(record(id, 0, new PartyMemberRegistered(id, "org-p", name, name, null, null,
                    Gender.MALE, 1980, PartyMemberCategory.PROBATIONARY, LocalDate.of(2020, 1, 1 + i), "310105001", null))));
        }
        projection.process(List.of(record(MEMBER, 0, REGISTERED)));

        var first = queries.ofOrganization("org-p", new PageQuery(0, 2));
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).extracting(MemberView::memberId).containsExactly("m-page-0", "m-page-1");
        assertThat(queries.ofOrganization("org-p", new PageQuery(1, 2)).items()).extracting(MemberView::memberId)
                .containsExactly("m-page-2");
    }
}
