package cn.changning.governance.partyregistry.domain.registration;

import cn.changning.governance.partyregistry.domain.building.Building;
import cn.changning.governance.partyregistry.domain.building.RegisterBuilding;
import cn.changning.governance.partyregistry.domain.member.PartyMember;
import cn.changning.governance.partyregistry.domain.member.RegisterPartyMember;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory;
import cn.changning.governance.partyregistry.domain.organization.PartyOrganization;
import cn.changning.governance.partyregistry.domain.organization.RegisterPartyOrganization;
import cn.changning.governance.partyregistry.domain.tradeunion.RegisterTradeUnion;
import cn.changning.governance.partyregistry.domain.tradeunion.TradeUnion;
import cn.changning.governance.partyregistry.domain.unit.RegisterResidentUnit;
import cn.changning.governance.partyregistry.domain.unit.ResidentUnit;
import cn.changning.governance.partyregistry.domain.worker.PartyWorker;
import cn.changning.governance.partyregistry.domain.worker.RegisterPartyWorker;
import cn.changning.governance.partyregistry.domain.youth.RegisterYouthLeagueOrganization;
import cn.changning.governance.partyregistry.domain.youth.YouthLeagueOrganization;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Every registration is create-or-verify: the registry's ids are derived from natural keys, so an import run twice
 * sends the same registrations again, and they must change nothing (a different one under the same id is refused
 * by the aggregate). The aggregate is loaded, or created when its id has no events, and asked to register.
 *
 * <p>Why a handler of its own rather than the aggregates' {@code @CreationPolicy(CREATE_IF_MISSING)}: when it was
 * written, the common module's {@code ExpectedVersionCheck} answered 404 to any targeted command for an id without
 * events unless an aggregate constructor handled it, so registration commands carry their id as {@code @RoutingKey}
 * and come here. The check now lets creation policies through (main, "The shared version check lets
 * CREATE_IF_MISSING ..."); the registrations could move back onto the aggregates, which the import and the other
 * parts of the service would not notice (they send the same commands). Each handler answers the aggregate's version
 * after the registration (the ETag).</p>
 */
public class Registrations {

    /** The repository of each aggregate type (Axon's configuration in the service, the fixture's in tests). */
    @FunctionalInterface
    public interface Repositories {
        <T> Repository<T> of(Class<T> aggregateType);
    }

    private final Repositories repositories;
    private final Geography geography;
    private final OrganizationDirectory directory;

    public Registrations(Repositories repositories, Geography geography, OrganizationDirectory directory) {
        this.repositories = repositories;
        this.geography = geography;
        this.directory = directory;
    }

    @CommandHandler
    public long handle(RegisterPartyOrganization command) throws Exception {
        return register(PartyOrganization.class, command.organizationId(), PartyOrganization::new,
                a -> a.register(command, geography, directory));
    }

    @CommandHandler
    public long handle(RegisterPartyMember command) throws Exception {
        return register(PartyMember.class, command.memberId(), PartyMember::new, a -> a.register(command, geography, directory));
    }

    @CommandHandler
    public long handle(RegisterBuilding command) throws Exception {
        return register(Building.class, command.buildingId(), Building::new, a -> a.register(command, geography));
    }

    @CommandHandler
    public long handle(RegisterResidentUnit command) throws Exception {
        return register(ResidentUnit.class, command.unitId(), ResidentUnit::new, a -> a.register(command, geography));
    }

    @CommandHandler
    public long handle(RegisterYouthLeagueOrganization command) throws Exception {
        return register(YouthLeagueOrganization.class, command.youthLeagueOrganizationId(), YouthLeagueOrganization::new,
                a -> a.register(command, geography));
    }

    @CommandHandler
    public long handle(RegisterTradeUnion command) throws Exception {
        return register(TradeUnion.class, command.tradeUnionId(), TradeUnion::new, a -> a.register(command, geography));
    }

    @CommandHandler
    public long handle(RegisterPartyWorker command) throws Exception {
        return register(PartyWorker.class, command.workerId(), PartyWorker::new, a -> a.register(command, geography));
    }

    private <T> long register(Class<T> type, String id, Callable<T> factory, Consumer<T> registration) throws Exception {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A registration names the id it registers");
        }
        Aggregate<T> aggregate = repositories.of(type).loadOrCreate(id, factory);
        aggregate.execute(registration);
        Long version = aggregate.version();
        return version == null ? 0 : version;
    }
}
