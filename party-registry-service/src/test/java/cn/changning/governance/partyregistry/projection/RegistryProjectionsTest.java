package cn.changning.governance.partyregistry.projection;

import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.registry.BuildingRegistered;
import cn.changning.governance.contracts.registry.PartyOrganizationKind;
import cn.changning.governance.contracts.registry.PartyOrganizationLevel;
import cn.changning.governance.contracts.registry.PartyOrganizationRegistered;
import cn.changning.governance.contracts.registry.PartyWorkerRegistered;
import cn.changning.governance.contracts.registry.ResidentUnitCategory;
import cn.changning.governance.contracts.registry.ResidentUnitRegistered;
import cn.changning.governance.contracts.registry.TradeUnionRegistered;
import cn.changning.governance.partyregistry.projection.organization.OrganizationProjection;
import cn.changning.governance.partyregistry.projection.organization.OrganizationQueries;
import cn.changning.governance.partyregistry.projection.organization.OrganizationView;
import cn.changning.governance.partyregistry.projection.register.RegisterDocuments;
import cn.changning.governance.partyregistry.projection.register.RegisterProjection;
import cn.changning.governance.partyregistry.projection.register.RegisterQueries;
import cn.changning.governance.partyregistry.projection.register.RegisterViews.MassOrganizationView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.changning.governance.partyregistry.projection.ProjectionRecords.JSON;
import static cn.changning.governance.partyregistry.projection.ProjectionRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

/** The organisations and registers read models on the embedded Mongo: lists by place, kind and parent; redelivery. */
class RegistryProjectionsTest {

    private static final String HUAYANG = "310105001";
    private static final String XINHUA = "310105002";

    private ProjectionRecords store;
    private OrganizationProjection organizations;
    private OrganizationQueries organizationQueries;
    private RegisterProjection registers;
    private RegisterQueries registerQueries;

    @BeforeEach
    void setUp() {
        store = new ProjectionRecords("registry_projections");
        VersionedDocuments documents = new VersionedDocuments(VersionedDocuments.Guard.IN_MEMORY_CHECK);
        organizations = new OrganizationProjection(store.mongo, documents, JSON);
        organizationQueries = new OrganizationQueries(store.mongo);
        registers = new RegisterProjection(store.mongo, documents, JSON);
        registerQueries = new RegisterQueries(store.mongo);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static PartyOrganizationRegistered organization(String id, String code, PartyOrganizationKind kind,
                                                            PartyOrganizationLevel level, String parentId, String street) {
        return new PartyOrganizationRegistered(id, code, "组织 " + code, kind, level, parentId, street, null,
                LocalDate.of(2000, 1, 1));
    }

    @Test
    void organizationsAreListedByStreetKindAndParentInCodeOrder() {
        organizations.process(List.of(
                record("c", 0, organization("c", "0001", PartyOrganizationKind.GOVERNMENT_BODY, PartyOrganizationLevel.COMMITTEE, null, HUAYANG)),
                record("b2", 0, organization("b2", "0003", PartyOrganizationKind.TWO_NEW, PartyOrganizationLevel.BRANCH, "c", HUAYANG)),
                record("b1", 0, organization("b1", "0002", PartyOrganizationKind.TWO_NEW, PartyOrganizationLevel.BRANCH, "c", HUAYANG)),
                record("x", 0, organization("x", "0004", PartyOrganizationKind.TWO_NEW, PartyOrganizationLevel.BRANCH, "c", XINHUA))));

        assertThat(organizationQueries.list(HUAYANG, null, null, new PageQuery(0, 20)).items())
                .extracting(OrganizationView::organizationId).containsExactly("c", "b1", "b2");
        assertThat(organizationQueries.list(null, PartyOrganizationKind.TWO_NEW, null, new PageQuery(0, 20)).total()).isEqualTo(3);
        assertThat(organizationQueries.list(HUAYANG, null, "c", new PageQuery(0, 1)).items())
                .extracting(OrganizationView::organizationId).containsExactly("b1");
        assertThat(organizationQueries.list(HUAYANG, null, "c", new PageQuery(0, 1)).total()).isEqualTo(2);
    }

    @Test
    void aRedeliveredRegistrationChangesNothing() {
        var registered = record("c", 0, organization("c", "0001", PartyOrganizationKind.GOVERNMENT_BODY,
                PartyOrganizationLevel.COMMITTEE, null, HUAYANG));
        organizations.process(List.of(registered));
        organizations.process(List.of(registered, registered));

        assertThat(organizationQueries.list(null, null, null, new PageQuery(0, 20)).total()).isEqualTo(1);
        assertThat(organizationQueries.find("c").orElseThrow().version()).isZero();
    }

    @Test
    void eachRegisterGoesToItsOwnCollection() {
        SealedValue name = new SealedValue("party-worker:w", "eA==");
        registers.process(List.of(
                record("b", 0, new BuildingRegistered("b", "B-1", "大厦", HUAYANG, null, 20)),
                record("u", 0, new ResidentUnitRegistered("u", "9131", "公司", ResidentUnitCategory.NEW_SOCIAL, HUAYANG, null, "b", 5)),
                record("t", 0, new TradeUnionRegistered("t", "T-1", "工会", XINHUA, "u", 40)),
                record("w", 0, new PartyWorkerRegistered("w", "W-1", name, HUAYANG, true))));

        assertThat(registerQueries.building("b").orElseThrow().floors()).isEqualTo(20);
        assertThat(registerQueries.residentUnit("u").orElseThrow().twoNew()).isTrue();
        assertThat(registerQueries.tradeUnions(XINHUA, new PageQuery(0, 20)).items()).extracting(MassOrganizationView::members)
                .containsExactly(40);
        assertThat(registerQueries.tradeUnions(HUAYANG, new PageQuery(0, 20)).total()).isZero();
        assertThat(registerQueries.partyWorker("w").orElseThrow().name()).isEqualTo(name);
        assertThat(store.mongo.getCollection(RegisterDocuments.BUILDINGS).countDocuments()).isEqualTo(1);
    }
}
