using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Packages;

/// <summary>
/// A package template assigned to a client, with its own balance and history. Count-based
/// records keep one session per circle; minutes and money records keep a balance with holds.
/// Every change appends a ledger entry; a cancelled record never comes back.
/// </summary>
public sealed class PackageRecord : AggregateRoot
{
    private readonly List<PackageSession> _sessions = [];
    private readonly List<BalanceHold> _holds = [];
    private readonly List<LedgerEntry> _ledger = [];
    private readonly List<FreezeWindow> _freezes = [];

    private PackageRecord()
    {
        Name = string.Empty;
        Reason = string.Empty;
        Currency = string.Empty;
    }

    public PackageRecordId Id { get; private set; }
    public PackageTemplateId TemplateId { get; private set; }
    public ClientId ClientId { get; private set; }

    /// <summary>The template's name when sold, kept for history and receipts.</summary>
    public string Name { get; private set; }
    public bool CountBased { get; private set; }
    public PackageValueType ValueType { get; private set; }
    public AcquisitionMode Mode { get; private set; }
    public string Reason { get; private set; }
    public InvoiceId? InvoiceId { get; private set; }
    public bool IsPaid { get; private set; }

    /// <summary>What the client paid (0 for complimentary); the basis of liability.</summary>
    public decimal PricePaid { get; private set; }
    public string Currency { get; private set; }

    /// <summary>Units bought (sessions, minutes or money).</summary>
    public decimal InitialUnits { get; private set; }

    /// <summary>What one unit was paid at (price / units); liability values every unit left at this.</summary>
    public decimal UnitValue { get; private set; }
    public DateTimeOffset PurchasedAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>The last local date it can be used on; null = never expires.</summary>
    public DateOnly? ExpiresOn { get; private set; }
    public RecordStatus Status { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Free (green) sessions, or minutes/money not held.</summary>
    public decimal Available { get; private set; }

    /// <summary>Booked (orange) sessions, or minutes/money held for booked appointments.</summary>
    public decimal Held { get; private set; }

    /// <summary>Redeemed (red) sessions, or minutes/money taken.</summary>
    public decimal Used { get; private set; }

    /// <summary>
    /// True once the record can owe the client nothing more: no units available or held (an
    /// unlimited record: cancelled). Kept up to date with every ledger entry, so the liability
    /// figure reads only the records that are not spent, however long the history.
    /// </summary>
    public bool IsSpent { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<PackageSession> Sessions => _sessions;
    public IReadOnlyList<BalanceHold> Holds => _holds;
    public IReadOnlyList<LedgerEntry> Ledger => _ledger;
    public IReadOnlyList<FreezeWindow> Freezes => _freezes;

    public bool IsUnlimited => ValueType == PackageValueType.Unlimited;

    /// <summary>Sells or assigns a template to a client.</summary>
    public static PackageRecord Acquire(
        PackageRecordId id,
        PackageTemplate template,
        ClientId client,
        AcquisitionMode mode,
        string? reason,
        InvoiceId? invoice,
        DateTimeOffset now,
        DateOnly localToday,
        Actor actor)
    {
        if (mode == AcquisitionMode.Transfer || !Enum.IsDefined(mode))
        {
            throw DomainException.Invalid("Mode is Paid, Unpaid or Complimentary.", "mode");
        }
        template.EnsureCanSell(manualAssignment: mode == AcquisitionMode.Complimentary);
        var why = Text.Optional(reason, "reason", "Reason", 200);
        if (mode == AcquisitionMode.Complimentary && why.Length == 0)
        {
            throw DomainException.Invalid("Say why the package is given free.", "reason");
        }
        var record = new PackageRecord
        {
            Id = id,
            TemplateId = template.Id,
            ClientId = client,
            Name = template.Name,
            CountBased = template.IsCountBased,
            ValueType = template.IsCountBased ? PackageValueType.Sessions : template.ValueType,
            Mode = mode,
            Reason = why,
            InvoiceId = invoice,
            IsPaid = mode == AcquisitionMode.Paid,
            PricePaid = mode == AcquisitionMode.Complimentary ? 0m : template.Price.Amount,
            Currency = template.Price.Currency,
            PurchasedAt = now,
            ExpiresOn = template.Expiry is { } expiry ? DateOnly.FromDateTime(expiry.From(new DateTimeOffset(localToday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).DateTime) : null,
            Status = RecordStatus.Active,
        };
        if (record.CountBased)
        {
            var number = 1;
            if (template.Kind == PackageKind.AnyFromList)
            {
                for (var i = 0; i < template.SessionCount; i++)
                {
                    record._sessions.Add(new PackageSession(number++, null));
                }
            }
            else
            {
                for (var line = 0; line < template.Lines.Count; line++)
                {
                    for (var i = 0; i < template.Lines[line].Count; i++)
                    {
                        record._sessions.Add(new PackageSession(number++, line));
                    }
                }
            }
            record.InitialUnits = record._sessions.Count;
        }
        else
        {
            record.InitialUnits = template.ValueType == PackageValueType.Unlimited ? 0m : template.Value;
        }
        record.UnitValue = record.InitialUnits > 0m ? record.PricePaid / record.InitialUnits : 0m;
        record.PaidAt = record.IsPaid ? now : null;
        record.Append(LedgerKind.Purchase, record.InitialUnits, 0m, 0m, now, actor, null, mode switch
        {
            AcquisitionMode.Paid => "Sold",
            AcquisitionMode.Unpaid => "Assigned unpaid",
            _ => $"Given free: {why}",
        });
        record.Raise(new PackageRecordChanged(id, client, LedgerKind.Purchase, now, actor));
        return record;
    }

    /// <summary>Why this record cannot pay for the use, or null when it can (restrictions come from the template, as it is now).</summary>
    public string? Refuse(PackageTemplate template, PackageUse use, int? sessionNumber = null)
    {
        if (template.Id != TemplateId)
        {
            throw new InvalidOperationException("The template does not belong to this record.");
        }
        if (Status == RecordStatus.Cancelled)
        {
            return "cancelled";
        }
        var day = DateOnly.FromDateTime(use.LocalStart);
        if (ExpiresOn is { } expires && day > expires)
        {
            return $"expired on {expires:d MMM yyyy}";
        }
        if (_freezes.FirstOrDefault(f => f.Contains(day)) is { } freeze)
        {
            return $"frozen {freeze.From:d MMM}-{freeze.To:d MMM}";
        }
        if (!template.Covers(use.Service))
        {
            return "does not include this service";
        }
        if (template.Provider is { } provider && provider != use.Provider)
        {
            return "only valid with another provider";
        }
        if (template.Restrictions.Refuse(use.LocalStart, use.LocalEnd) is { } restricted)
        {
            return restricted;
        }
        if (CountBased)
        {
            if (sessionNumber is { } n)
            {
                var session = _sessions.FirstOrDefault(s => s.Number == n);
                if (session is null)
                {
                    return $"has no session {n}";
                }
                if (session.State != SessionState.Free)
                {
                    return SessionTaken(n, session.State);
                }
                if (session.Line is { } line && !template.Covers(use.Service, line))
                {
                    return $"session {n} is for another service";
                }
                return null;
            }
            return FreeSessionFor(template, use.Service) is null ? "no free session left for this service" : null;
        }
        if (!IsUnlimited && Available <= 0m)
        {
            return "nothing left";
        }
        return null;
    }

    /// <summary>Why a session that is not free cannot be chosen: "session 3 is already booked".</summary>
    public static string SessionTaken(int number, SessionState state) =>
        $"session {number} is already {(state == SessionState.Booked ? "booked" : "redeemed")}";

    /// <summary>What a desk is told when the circle it chose cannot be booked, for <paramref name="reason"/>.</summary>
    public static string PickAnotherCircle(string recordName, string reason) => $"{recordName}: {reason}. Pick a green circle.";

    /// <summary>
    /// Books an appointment against this record: a session turns orange (or red at once with
    /// the at-booking policy); minutes or money are held (or taken), as much as is left.
    /// </summary>
    public Coverage Book(PackageTemplate template, PackageUse use, int? sessionNumber, RedemptionPolicy policy, DateTimeOffset now, Actor actor)
    {
        if (_sessions.Any(s => s.AppointmentId == use.AppointmentId) || _holds.Any(h => h.AppointmentId == use.AppointmentId))
        {
            throw DomainException.Conflict($"This appointment is already booked from {Name}.");
        }
        if (Refuse(template, use, sessionNumber) is { } reason)
        {
            throw sessionNumber is not null && reason.StartsWith("session", StringComparison.Ordinal)
                ? DomainException.Conflict(PickAnotherCircle(Name, reason))
                : DomainException.Rule($"{Name} cannot be used for this booking: {reason}.");
        }
        var redeemNow = policy == RedemptionPolicy.AtBooking;
        Coverage coverage;
        if (CountBased)
        {
            var session = sessionNumber is { } n ? _sessions.Single(s => s.Number == n) : FreeSessionFor(template, use.Service)!;
            session.Book(use.AppointmentId, redeemNow);
            Append(LedgerKind.Hold, -1m, redeemNow ? 0m : 1m, redeemNow ? 1m : 0m, now, actor, use.AppointmentId,
                $"Session {session.Number} {(redeemNow ? "redeemed at booking" : "booked")}");
            coverage = new Coverage(Id, session.Number, 1m, true);
        }
        else if (IsUnlimited)
        {
            _holds.Add(new BalanceHold(use.AppointmentId, 0m, redeemNow));
            Append(LedgerKind.Hold, 0m, 0m, 0m, now, actor, use.AppointmentId, "Booked (unlimited)");
            coverage = new Coverage(Id, null, 0m, true);
        }
        else
        {
            var needed = ValueType == PackageValueType.Minutes ? use.Minutes : use.Price;
            var take = Math.Min(needed, Available);
            _holds.Add(new BalanceHold(use.AppointmentId, take, redeemNow));
            Append(LedgerKind.Hold, -take, redeemNow ? 0m : take, redeemNow ? take : 0m, now, actor, use.AppointmentId,
                $"{Units(take)} {(redeemNow ? "taken at booking" : "held")}");
            coverage = new Coverage(Id, null, take, take >= needed);
        }
        Raise(new PackageRecordChanged(Id, ClientId, LedgerKind.Hold, now, actor));
        return coverage;
    }

    /// <summary>At check-out: the booked session turns red, the held balance is taken.</summary>
    public void Redeem(Guid appointmentId, DateTimeOffset now, Actor actor)
    {
        EnsureActive("redeemed");
        if (_sessions.FirstOrDefault(s => s.AppointmentId == appointmentId) is { } session)
        {
            if (session.State == SessionState.Redeemed)
            {
                return; // redeemed at booking already
            }
            session.Redeem();
            Append(LedgerKind.Redeem, 0m, -1m, 1m, now, actor, appointmentId, $"Session {session.Number} redeemed");
        }
        else if (_holds.FirstOrDefault(h => h.AppointmentId == appointmentId) is { } hold)
        {
            if (hold.Captured)
            {
                return;
            }
            hold.Capture();
            Append(LedgerKind.Redeem, 0m, -hold.Amount, hold.Amount, now, actor, appointmentId, $"{Units(hold.Amount)} redeemed");
        }
        else
        {
            throw DomainException.Rule($"This appointment is not booked from {Name}.");
        }
        Raise(new PackageRecordChanged(Id, ClientId, LedgerKind.Redeem, now, actor));
    }

    /// <summary>No-show, cancel, or the booking moved off the record: the session or balance comes back.</summary>
    public void Release(Guid appointmentId, DateTimeOffset now, Actor actor, string why)
    {
        if (_sessions.FirstOrDefault(s => s.AppointmentId == appointmentId) is { } session)
        {
            var wasRedeemed = session.State == SessionState.Redeemed;
            session.Free();
            var back = Status == RecordStatus.Active ? 1m : 0m;
            Append(LedgerKind.Release, back, wasRedeemed ? 0m : -1m, wasRedeemed ? -1m : 0m, now, actor, appointmentId, $"Session {session.Number} given back: {why}");
            if (back == 0m)
            {
                _sessions.Remove(session); // a cancelled record keeps no free circles
            }
        }
        else if (_holds.FirstOrDefault(h => h.AppointmentId == appointmentId) is { } hold)
        {
            _holds.Remove(hold);
            var back = Status == RecordStatus.Active ? hold.Amount : 0m;
            Append(LedgerKind.Release, back, hold.Captured ? 0m : -hold.Amount, hold.Captured ? -hold.Amount : 0m, now, actor, appointmentId, $"{Units(hold.Amount)} given back: {why}");
        }
        else
        {
            return; // nothing of this appointment here: releasing twice changes nothing
        }
        Raise(new PackageRecordChanged(Id, ClientId, LedgerKind.Release, now, actor));
    }

    /// <summary>
    /// The sale line paid from this record was refunded: the redeemed session (or the minutes or
    /// money taken) comes back, as a new Release entry in the ledger; no entry is ever removed.
    /// </summary>
    public void GiveBack(Guid appointmentId, string reason, DateTimeOffset now, Actor actor)
    {
        var redeemed = _sessions.Any(s => s.AppointmentId == appointmentId && s.State == SessionState.Redeemed)
            || _holds.Any(h => h.AppointmentId == appointmentId && h.Captured);
        if (!redeemed)
        {
            throw DomainException.Conflict($"No redeemed session of {Name} belongs to that visit, so none can be given back.");
        }
        Release(appointmentId, now, actor, $"refunded ({reason})");
    }

    /// <summary>
    /// A no-show or late cancellation under a "forfeit" policy: the booked session (or held
    /// balance) is used up as if redeemed, and the history says it was forfeited and why.
    /// </summary>
    public void Forfeit(Guid appointmentId, DateTimeOffset now, Actor actor, string why)
    {
        EnsureActive("used");
        if (_sessions.FirstOrDefault(s => s.AppointmentId == appointmentId) is { } session)
        {
            if (session.State == SessionState.Redeemed)
            {
                Append(LedgerKind.Forfeit, 0m, 0m, 0m, now, actor, appointmentId, $"Session {session.Number} forfeited: {why} (already redeemed at booking)");
            }
            else
            {
                session.Redeem();
                Append(LedgerKind.Forfeit, 0m, -1m, 1m, now, actor, appointmentId, $"Session {session.Number} forfeited: {why}");
            }
        }
        else if (_holds.FirstOrDefault(h => h.AppointmentId == appointmentId) is { } hold)
        {
            var taken = hold.Captured ? 0m : hold.Amount;
            hold.Capture();
            Append(LedgerKind.Forfeit, 0m, -taken, taken, now, actor, appointmentId, $"{Units(hold.Amount)} forfeited: {why}");
        }
        else
        {
            throw DomainException.Rule($"This appointment is not booked from {Name}.");
        }
        Raise(new PackageRecordChanged(Id, ClientId, LedgerKind.Forfeit, now, actor));
    }

    /// <summary>
    /// Adds (positive) or removes (negative) sessions, minutes or money, with a reason. The
    /// delta and the balance it leads to are bounded (<see cref="Limits"/>) before anything
    /// changes, so an adjustment never adds more circles than a record may hold.
    /// </summary>
    public void Adjust(decimal delta, string? reason, DateTimeOffset now, Actor actor)
    {
        EnsureActive("adjusted");
        if (IsUnlimited)
        {
            throw DomainException.Invalid("An unlimited package has no balance to adjust.", "delta");
        }
        if (delta == 0m)
        {
            throw DomainException.Invalid("The adjustment must not be zero.", "delta");
        }
        var total = Available + Held + Used;
        if (CountBased)
        {
            Limits.EnsureWhole(delta, -Limits.MaxAdjustSessions, Limits.MaxAdjustSessions, "delta", "A session adjustment");
            if (_sessions.Count + delta > Limits.MaxSessionsPerRecord)
            {
                throw Limits.OutOfRange($"A package holds at most {Limits.MaxSessionsPerRecord} sessions; this one has {_sessions.Count}.", "delta");
            }
        }
        else if (ValueType == PackageValueType.Minutes)
        {
            Limits.EnsureWhole(delta, -Limits.MaxMinutes, Limits.MaxMinutes, "delta", "A minutes adjustment");
            if (total + delta > Limits.MaxMinutes)
            {
                throw Limits.OutOfRange($"A package holds at most {Limits.MaxMinutes:#,0} minutes; this one has {total:0}.", "delta");
            }
        }
        else
        {
            Limits.EnsureMoney(delta, "delta", "The adjustment");
            if (total + delta > Limits.MaxMoney)
            {
                throw Limits.OutOfRange($"A package holds at most {Limits.MaxMoney:#,0.00} {Currency}.", "delta");
            }
        }
        var why = Text.Required(reason, "reason", "Reason", 200);
        if (Available + delta < 0m)
        {
            throw DomainException.Rule($"Only {Units(Available)} can be taken off: booked and redeemed ones stay.", "delta");
        }
        if (CountBased)
        {
            if (delta > 0)
            {
                var next = _sessions.Count == 0 ? 1 : _sessions.Max(s => s.Number) + 1;
                for (var i = 0; i < delta; i++)
                {
                    // Added sessions belong to the first line (a course's only service).
                    _sessions.Add(new PackageSession(next++, _sessions.FirstOrDefault()?.Line));
                }
            }
            else
            {
                foreach (var free in _sessions.Where(s => s.State == SessionState.Free).OrderByDescending(s => s.Number).Take((int)-delta).ToList())
                {
                    _sessions.Remove(free);
                }
            }
        }
        Append(LedgerKind.Adjust, delta, 0m, 0m, now, actor, null, why);
        Raise(new PackageRecordChanged(Id, ClientId, LedgerKind.Adjust, now, actor));
    }

    public void ChangeExpiry(DateOnly? expiresOn, string? reason, DateTimeOffset now, Actor actor)
    {
        EnsureActive("changed");
        if (expiresOn is { } day)
        {
            Limits.EnsureDate(day, now, "expiresOn", "The expiry");
        }
        var why = Text.Required(reason, "reason", "Reason", 200);
        var before = ExpiresOn;
        ExpiresOn = expiresOn;
        Append(LedgerKind.Adjust, 0m, 0m, 0m, now, actor, null, $"Expiry {before?.ToString("d MMM yyyy") ?? "none"} -> {expiresOn?.ToString("d MMM yyyy") ?? "none"}: {why}");
        Raise(new PackageRecordChanged(Id, ClientId, LedgerKind.Adjust, now, actor));
    }

    /// <summary>Nothing can be booked from <paramref name="from"/> to <paramref name="to"/>; the expiry moves by as many days.</summary>
    public void Freeze(DateOnly from, DateOnly to, IReadOnlyCollection<DateOnly> bookedDays, DateTimeOffset now, Actor actor)
    {
        EnsureActive("frozen");
        Limits.EnsureDate(from, now, "from", "The first day of the freeze");
        Limits.EnsureDate(to, now, "to", "The last day of the freeze");
        if (to < from)
        {
            throw DomainException.Invalid("A freeze ends on or after its first day.", "to");
        }
        if (to.DayNumber - from.DayNumber + 1 > Limits.MaxFreezeDays)
        {
            throw Limits.OutOfRange($"A freeze lasts at most {Limits.MaxFreezeDays} days.", "to");
        }
        var window = new FreezeWindow(from, to);
        if (_freezes.Any(f => f.Overlaps(window)))
        {
            throw DomainException.Conflict("That overlaps a freeze already on this record.");
        }
        var clashes = bookedDays.Where(window.Contains).Order().ToList();
        if (clashes.Count > 0)
        {
            throw DomainException.Rule($"A session is booked on {clashes[0]:d MMM}; move or cancel it before freezing.");
        }
        _freezes.Add(window);
        if (ExpiresOn is { } expires)
        {
            ExpiresOn = expires.AddDays(window.Days);
        }
        Append(LedgerKind.Freeze, 0m, 0m, 0m, now, actor, null, $"Frozen {from:d MMM yyyy}-{to:d MMM yyyy} ({window.Days} days)");
        Raise(new PackageRecordChanged(Id, ClientId, LedgerKind.Freeze, now, actor));
    }

    /// <summary>
    /// Ends the current (or a planned) freeze early: the days of it not yet passed become
    /// usable again, and the expiry moves back by as many days, since the freeze only lasted
    /// until yesterday. A freeze planned wholly after today is removed.
    /// </summary>
    public void Unfreeze(DateOnly localToday, DateTimeOffset now, Actor actor)
    {
        EnsureActive("unfrozen");
        var freeze = _freezes.Where(f => f.To >= localToday).OrderBy(f => f.From).FirstOrDefault()
            ?? throw DomainException.Conflict($"{Name} is not frozen now and has no freeze planned.");
        var index = _freezes.IndexOf(freeze);
        var firstUnused = freeze.From > localToday ? freeze.From : localToday;
        var unused = freeze.To.DayNumber - firstUnused.DayNumber + 1;
        if (firstUnused == freeze.From)
        {
            _freezes.RemoveAt(index);
        }
        else
        {
            _freezes[index] = freeze with { To = localToday.AddDays(-1) };
        }
        if (ExpiresOn is { } expires)
        {
            ExpiresOn = expires.AddDays(-unused);
        }
        Append(LedgerKind.Freeze, 0m, 0m, 0m, now, actor, null,
            $"Unfrozen early: {unused} unused day{(unused == 1 ? string.Empty : "s")} from {firstUnused:d MMM yyyy} given back{(ExpiresOn is { } e ? $", expires {e:d MMM yyyy}" : string.Empty)}");
        Raise(new PackageRecordChanged(Id, ClientId, LedgerKind.Freeze, now, actor));
    }

    /// <summary>Gives every free session (or the available balance) to another client's new record.</summary>
    public PackageRecord TransferTo(PackageRecordId newId, ClientId toClient, DateTimeOffset now, Actor actor)
    {
        EnsureActive("transferred");
        if (toClient == ClientId)
        {
            throw DomainException.Invalid("Choose another client to transfer to.", "toClientId");
        }
        if (IsUnlimited || Available <= 0m)
        {
            throw DomainException.Rule("Nothing is left to transfer.");
        }
        var amount = Available;
        var moved = _sessions.Where(s => s.State == SessionState.Free).ToList();
        var target = new PackageRecord
        {
            Id = newId,
            TemplateId = TemplateId,
            ClientId = toClient,
            Name = Name,
            CountBased = CountBased,
            ValueType = ValueType,
            Mode = AcquisitionMode.Transfer,
            Reason = $"Transferred from record {Id}",
            IsPaid = IsPaid,
            PaidAt = IsPaid ? now : null,
            PricePaid = Money.Round(UnitValue * amount),
            UnitValue = UnitValue,
            Currency = Currency,
            InitialUnits = amount,
            PurchasedAt = now,
            ExpiresOn = ExpiresOn,
            Status = RecordStatus.Active,
        };
        var number = 1;
        foreach (var session in moved)
        {
            target._sessions.Add(new PackageSession(number++, session.Line));
            _sessions.Remove(session);
        }
        Append(LedgerKind.TransferOut, -amount, 0m, 0m, now, actor, null, $"{Units(amount)} transferred to another client (record {newId})");
        target.Append(LedgerKind.TransferIn, amount, 0m, 0m, now, actor, null, $"{Units(amount)} received from record {Id}");
        Raise(new PackageRecordChanged(Id, ClientId, LedgerKind.TransferOut, now, actor));
        target.Raise(new PackageRecordChanged(newId, toClient, LedgerKind.TransferIn, now, actor));
        return target;
    }

    /// <summary>After its last valid day the free balance lapses (booked ones stay with their appointments).</summary>
    public bool ExpireIfDue(DateOnly localToday, DateTimeOffset now, Actor actor)
    {
        if (Status != RecordStatus.Active || ExpiresOn is not { } expires || localToday <= expires || Available <= 0m)
        {
            return false;
        }
        var lapsed = Available;
        _sessions.RemoveAll(s => s.State == SessionState.Free);
        Append(LedgerKind.Expire, -lapsed, 0m, 0m, now, actor, null, $"{Units(lapsed)} expired");
        Raise(new PackageRecordChanged(Id, ClientId, LedgerKind.Expire, now, actor));
        return true;
    }

    /// <summary>Final: the record can never be used again. Returns the appointments whose booked sessions were released.</summary>
    public IReadOnlyList<Guid> Cancel(string? reason, DateTimeOffset now, Actor actor)
    {
        EnsureActive("cancelled");
        var why = Text.Required(reason, "reason", "Reason", 200);
        var booked = _sessions.Where(s => s.State == SessionState.Booked).Select(s => s.AppointmentId!.Value)
            .Concat(_holds.Where(h => !h.Captured).Select(h => h.AppointmentId))
            .ToList();
        Status = RecordStatus.Cancelled;
        CancelledAt = now;
        foreach (var appointment in booked)
        {
            Release(appointment, now, actor, "record cancelled");
        }
        var lapsed = Available;
        _sessions.RemoveAll(s => s.State == SessionState.Free);
        Append(LedgerKind.Cancel, -lapsed, 0m, 0m, now, actor, null, $"Cancelled: {why}");
        Raise(new PackageRecordChanged(Id, ClientId, LedgerKind.Cancel, now, actor));
        return booked;
    }

    /// <summary>The open invoice of an unpaid record has been paid.</summary>
    public void MarkPaid(InvoiceId invoice, DateTimeOffset now, Actor actor)
    {
        if (IsPaid)
        {
            throw DomainException.Conflict($"{Name} is already paid.");
        }
        IsPaid = true;
        PaidAt = now;
        InvoiceId = invoice;
        Append(LedgerKind.Payment, 0m, 0m, 0m, now, actor, null, "Paid");
        Raise(new PackageRecordChanged(Id, ClientId, LedgerKind.Payment, now, actor));
    }

    /// <summary>
    /// Unredeemed value at a moment: the units still available or held then (replayed from the
    /// ledger), each at the price one unit was paid. Nothing before it was paid for.
    /// </summary>
    public decimal LiabilityAt(DateTimeOffset at) => LiabilityAt(at, DateOnly.FromDateTime(at.UtcDateTime));

    /// <summary>
    /// As <see cref="LiabilityAt(DateTimeOffset)"/>; <paramref name="localDay"/> is the
    /// business's date at that moment. An unlimited package has no units to count: what was
    /// paid for it stays owed until it expires or is cancelled (then it is earned).
    /// </summary>
    public decimal LiabilityAt(DateTimeOffset at, DateOnly localDay)
    {
        if (PaidAt is not { } paid || paid > at)
        {
            return 0m;
        }
        var units = _ledger.Where(e => e.At <= at).Sum(e => e.AvailableDelta + e.HeldDelta);
        return LiabilityOf(ValueType, UnitValue, units, PricePaid, ExpiresOn, CancelledAt, at, localDay);
    }

    /// <summary>
    /// The liability of a paid record from its stored figures: <paramref name="units"/> still
    /// available or held at <paramref name="at"/>, each at <paramref name="unitValue"/>; an
    /// unlimited record owes what was paid until it expires or is cancelled. The one rule behind
    /// <see cref="LiabilityAt(DateTimeOffset, DateOnly)"/> (units replayed from the ledger) and the
    /// current liability read from the balances (units = <see cref="Available"/> + <see cref="Held"/>).
    /// </summary>
    public static decimal LiabilityOf(PackageValueType valueType, decimal unitValue, decimal units, decimal pricePaid, DateOnly? expiresOn, DateTimeOffset? cancelledAt, DateTimeOffset at, DateOnly localDay)
    {
        if (valueType == PackageValueType.Unlimited)
        {
            var over = expiresOn is { } expires && localDay > expires || cancelledAt is { } cancelled && cancelled <= at;
            return over ? 0m : pricePaid;
        }
        return unitValue == 0m ? 0m : Money.Round(unitValue * units);
    }

    public string Units(decimal amount) => ValueType switch
    {
        PackageValueType.Sessions => amount == 1m ? "1 session" : $"{amount:0} sessions",
        PackageValueType.Minutes => $"{amount:0} min",
        _ => $"{amount:0.00} {Currency}",
    };

    private PackageSession? FreeSessionFor(PackageTemplate template, ServiceId service) =>
        _sessions.Where(s => s.State == SessionState.Free)
            .OrderBy(s => s.Number)
            .FirstOrDefault(s => s.Line is not { } line || template.Covers(service, line));

    private void EnsureActive(string what)
    {
        if (Status == RecordStatus.Cancelled)
        {
            throw DomainException.Conflict($"{Name} is cancelled and cannot be {what}.");
        }
    }

    private void Append(LedgerKind kind, decimal available, decimal held, decimal used, DateTimeOffset now, Actor actor, Guid? appointment, string note)
    {
        Available += available;
        Held += held;
        Used += used;
        if (Available < 0m || Held < 0m || Used < 0m)
        {
            // A bug, never a receptionist's mistake: refuse rather than store a negative balance.
            throw new InvalidOperationException($"Record {Id} would go negative ({kind}).");
        }
        _ledger.Add(new LedgerEntry(_ledger.Count + 1, kind, available, held, used, now, actor.DisplayName, appointment, note));
        Version++;
        IsSpent = SpentBy(ValueType, Status, Available, Held);
    }

    /// <summary>
    /// The rule of <see cref="IsSpent"/> from a record's stored state: no units available or
    /// held, or (unlimited) cancelled. Also what fills it in for records saved before it existed.
    /// </summary>
    public static bool SpentBy(PackageValueType valueType, RecordStatus status, decimal available, decimal held) =>
        valueType == PackageValueType.Unlimited ? status == RecordStatus.Cancelled : available == 0m && held == 0m;
}

/// <summary>Days (inclusive) in which a record cannot be used.</summary>
public sealed record FreezeWindow(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= From && day <= To;

    public bool Overlaps(FreezeWindow other) => From <= other.To && other.From <= To;
}

public sealed record PackageRecordChanged(PackageRecordId RecordId, ClientId ClientId, LedgerKind Change, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);
