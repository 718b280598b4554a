using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace StructuredLlm.IntegrationTests.Types;

/// <summary>A meeting extracted from an email thread: every collection and time shape.</summary>
[LlmOutput]
public partial record Meeting(
    string Subject,
    DateTime StartsAt,
    TimeSpan Duration,
    TimeOnly? ReminderAt,
    Uri? JoinLink,
    string[] Attendees,
    List<string> Agenda,
    IList<int> RoomNumbers,
    IEnumerable<string> Notes,
    ImmutableArray<string> Labels,
    HashSet<string> Topics);
