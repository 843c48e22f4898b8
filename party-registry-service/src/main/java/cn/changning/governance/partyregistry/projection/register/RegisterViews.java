package cn.changning.governance.partyregistry.projection.register;

import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.registry.ResidentUnitCategory;

/** The registers' records as the read models hold them. */
public final class RegisterViews {

    private RegisterViews() {
    }

    public record BuildingView(String buildingId, String code, String name, String streetCode, String residentialAreaCode,
                               int floors, long version) {
    }

    public record ResidentUnitView(String unitId, String creditCode, String name, ResidentUnitCategory category,
                                   boolean twoNew, String streetCode, String residentialAreaCode, String buildingId,
                                   int employees, long version) {
    }

    /** A youth-league organisation or a trade union: the same shape. */
    public record MassOrganizationView(String id, String code, String name, String streetCode, String unitId, int members,
                                       long version) {
    }

    /** The name sealed; the API opens or masks it. */
    public record PartyWorkerView(String workerId, String staffNumber, SealedValue name, String streetCode, boolean fullTime,
                                  long version) {
    }
}
