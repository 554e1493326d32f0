using Crm.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Crm.Web.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, served without a key. It declares the API key as an HTTP bearer
/// scheme and requires it on every operation whose endpoint requires authorization.
/// </summary>
public static class OpenApiDocumentation
{
    public const string DocumentPath = "/openapi/{documentName}.json";
    public const string SecuritySchemeName = "ApiKey";

    public static IServiceCollection AddCrmOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Crm API";
                document.Info.Description = "A real-time customer CRM engine: ingest channel events, read and edit customers, watch live stats.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "crm_…",
                    Description = "A workspace API key (roles admin, agent or channel) sent as `Authorization: Bearer <key>`.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [] });
                }

                return Task.CompletedTask;
            });
            options.AddIdentityRuleDescriptions();
        });

    public static IEndpointRouteBuilder MapCrmOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath).AllowAnonymous();
        return endpoints;
    }
}
