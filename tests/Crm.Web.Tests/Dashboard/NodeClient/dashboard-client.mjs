// Connects to the dashboard hub over WebSockets (the key travels as access_token, as in a browser), follows the customers named on the command line,
// prints {"ready":true} once following, then one JSON line per server invocation; exits when stdin closes.
import * as signalR from "@microsoft/signalr";

const [serviceUrl, key, ...follow] = process.argv.slice(2);
const methods = ["statsChanged", "customerChanged", "customerRemoved", "needsAttention", "opportunity", "customerMerged", "timelineAppended"];

const connection = new signalR.HubConnectionBuilder()
  .withUrl(new URL("/hubs/dashboard", serviceUrl).toString(), { accessTokenFactory: () => key, transport: signalR.HttpTransportType.WebSockets })
  .configureLogging(signalR.LogLevel.Warning)
  .build();

for (const method of methods) {
  connection.on(method, (payload) => console.log(JSON.stringify({ method, payload })));
}
connection.onclose((error) => {
  console.log(JSON.stringify({ closed: true, error: error?.message ?? null }));
  process.exit(0);
});

try {
  await connection.start();
  for (const id of follow) {
    await connection.invoke("followCustomer", id);
  }
  console.log(JSON.stringify({ ready: true }));
} catch (error) {
  console.log(JSON.stringify({ failed: true, error: String(error?.message ?? error) }));
  process.exit(1);
}

process.stdin.resume();
process.stdin.on("end", async () => {
  await connection.stop();
  process.exit(0);
});
