using Crm.Web;

var app = CrmApplication.Build(args);
await app.RunAsync();
