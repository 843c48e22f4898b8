package cn.changning.governance.partyregistry.domain.registration;

import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** Registrations in a fixture test: the handler on the fixture's one repository, as the service has it on Axon's. */
public final class FixtureRegistrations {

    private FixtureRegistrations() {
    }

    @SuppressWarnings("unchecked")
    public static void register(AggregateTestFixture<?> fixture, Geography geography, OrganizationDirectory directory) {
        Registrations.Repositories repositories = new Registrations.Repositories() {
            @Override
            public <T> Repository<T> of(Class<T> aggregateType) {
                return (Repository<T>) fixture.getRepository();
            }
        };
        fixture.registerAnnotatedCommandHandler(new Registrations(repositories, geography, directory));
    }
}
