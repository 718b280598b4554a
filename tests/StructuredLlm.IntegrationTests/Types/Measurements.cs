namespace StructuredLlm.IntegrationTests.Types;

/// <summary>Every numeric type, plus bool and nullable value types.</summary>
[LlmOutput]
public partial record Measurements(
    byte Byte,
    sbyte SByte,
    short Short,
    ushort UShort,
    int Int,
    uint UInt,
    long Long,
    ulong ULong,
    float Float,
    double Double,
    decimal Decimal,
    bool Flag,
    int? MaybeInt,
    double? MaybeDouble,
    bool? MaybeFlag);
