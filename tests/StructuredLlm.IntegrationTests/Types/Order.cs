using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace StructuredLlm.IntegrationTests.Types;

/// <summary>Where an order is in its lifecycle.</summary>
public enum OrderStatus
{
    Pending,
    Shipped,
    Delivered,
    Cancelled,
}

/// <summary>An ordered product.</summary>
/// <param name="Sku">The stock keeping unit, as printed on the label.</param>
/// <param name="Quantity">How many were ordered.</param>
public sealed record OrderItem([property: RegularExpression("^[A-Z]{3}-[0-9]{4}$")] string Sku, [property: Range(1, 99)] int Quantity);

/// <summary>An order status update parsed from a shipping notification.</summary>
/// <param name="OrderId">The merchant's order number.</param>
/// <param name="Status">The new status.</param>
/// <param name="Items">What the shipment contains.</param>
/// <param name="Carrier">The carrier, when the notification names one.</param>
[LlmOutput]
public partial record OrderUpdate(
    string OrderId,
    OrderStatus Status,
    [property: MinLength(1)] IReadOnlyList<OrderItem> Items,
    [property: Description("Carrier name such as UPS or DHL")] string? Carrier,
    OrderStatus? PreviousStatus);
