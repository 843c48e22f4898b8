package cn.changning.governance.partyregistry.api;

/**
 * Where the residential-area and police-officer controllers send their commands and wait for the answer (the command
 * gateway in the service). A refusal is thrown as the aggregate threw it.
 */
@FunctionalInterface
public interface PolicingCommandSender {

    Object send(Object command);
}
