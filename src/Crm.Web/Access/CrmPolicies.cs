using Microsoft.AspNetCore.Authorization;

namespace Crm.Web.Access;

/// <summary>Channel keys only ingest; agent keys read and edit customers; admin keys do both and manage keys and settings.</summary>
public static class CrmPolicies
{
    public const string Ingest = "ingest";
    public const string Agent = "agent";
    public const string Admin = "admin";

    public static AuthorizationBuilder AddCrmPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Ingest, policy => policy.RequireRole("channel", "admin"))
        .AddPolicy(Agent, policy => policy.RequireRole("agent", "admin"))
        .AddPolicy(Admin, policy => policy.RequireRole("admin"));
}
