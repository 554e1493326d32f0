namespace Crm.Grains.ReadModel;

/// <summary>The customer list: filters, sorts and keyset paging over the read model.</summary>
public interface ICustomerListQueries
{
    Task<CustomerListPage> ListAsync(string workspace, CustomerListQuery query, CustomerCursor? after, int limit, CancellationToken cancellationToken = default);
}
