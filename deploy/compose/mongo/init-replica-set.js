// The compose stack's one-shot replica-set setup (mongo-init), run by mongosh as root against mongo-1.
// Idempotent: a set that exists is left as it is; the services' user is created once, its password from the secret.
const fs = require("fs");
const members = ["mongo-1:27017", "mongo-2:27017", "mongo-3:27017"];
const databases = ["case_service", "dispatch_service", "assessment_service", "party_registry_service"];

try {
  rs.status();
  print("replica set rs0 exists");
} catch (e) {
  if (e.codeName !== "NotYetInitialized") throw e;
  rs.initiate({_id: "rs0", members: members.map((host, i) => ({_id: i, host: host}))});
  print("replica set rs0 initiated");
}

// A primary and both secondaries, or fail after five minutes (the services wait for this container).
const deadline = Date.now() + 5 * 60 * 1000;
for (;;) {
  const states = rs.status().members.map(m => m.stateStr);
  if (states.filter(s => s === "PRIMARY").length === 1 && states.filter(s => s === "SECONDARY").length === members.length - 1) {
    print("replica set rs0: " + states.join(", "));
    break;
  }
  if (Date.now() > deadline) throw new Error("replica set rs0 not ready: " + states.join(", "));
  sleep(2000);
}

// Writes go to the primary: connect there (mongo-1 may not be it).
const primary = new Mongo(rs.status().members.find(m => m.stateStr === "PRIMARY").name);
primary.getDB("admin").auth("root", fs.readFileSync("/run/secrets/mongo_root_password", "utf8").trim());
const admin = primary.getDB("admin");
if (admin.getUser("governance") === null) {
  admin.createUser({
    user: "governance",
    pwd: fs.readFileSync("/run/secrets/mongo_governance_password", "utf8").trim(),
    roles: databases.map(db => ({role: "readWrite", db: db})),
  });
  print("user governance created");
} else {
  print("user governance exists");
}
