// Run by the mongo image once, when its data directory is new: one user per service, each allowed its own database
// only (readWrite there, nothing elsewhere). The passwords come from the environment (.env), never from this file.
for (const service of ['submission', 'review', 'schedule', 'notification']) {
  const variable = 'CFP_MONGO_' + service.toUpperCase() + '_PASSWORD';
  const password = process.env[variable];
  if (!password) {
    throw new Error(variable + ' is not set');
  }
  db.getSiblingDB(service).createUser({user: service, pwd: password, roles: [{role: 'readWrite', db: service}]});
}
