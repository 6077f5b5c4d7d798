function ConvertTo-OrcDefinitionEdit {
    <#
    .SYNOPSIS
        Turns Set-OrcTask's parameters into field edits for 'orc-exec define <task> --set path=json'.
    .DESCRIPTION
        Set-OrcTask never writes a definition it has read into PowerShell objects (PowerShell 7's
        ConvertFrom-Json turns date-like strings into DateTime): it sends only the changed fields,
        as JSON, and orc-exec edits the stored file. The current definition is read only to learn
        its shape (is there a schedule, which dependency checks are task checks).
        The rules match Set-OrcDefinitionField: one schedule kind at a time (jitter and catchUp
        stay), -DependsOn replaces the task checks only, an empty value removes the field.
    .PARAMETER Current
        The task's current definition as read (orc.task/v1 'definition'); only its shape is used.
    .PARAMETER Parameter
        Set-OrcTask's bound parameters (without Name).
    .EXAMPLE
        ConvertTo-OrcDefinitionEdit -Current $summary.definition -Parameter @{ Timeout = [timespan]'02:00:00' }
    .OUTPUTS
        System.String[] ('path=json' edits, in order)
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [AllowNull()]
        [object] $Current,

        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $Parameter
    )

    $edits = New-Object -TypeName System.Collections.Generic.List[string]
    function Add-Edit([string] $Path, [AllowNull()] [object] $Value, [switch] $Raw) {
        if ($Raw) { $json = [string]$Value }
        elseif ($null -eq $Value) { $json = 'null' }
        else { $json = ConvertTo-Json -InputObject $Value -Compress -Depth 5 }
        $edits.Add("$Path=$json")
    }
    function Read-Field([object] $From, [string[]] $Names) {
        foreach ($n in $Names) {
            if ($null -eq $From) { return $null }
            if ($From -is [System.Collections.IDictionary]) { $From = if ($From.Contains($n)) { $From[$n] } else { $null } }
            elseif ($From.PSObject.Properties[$n]) { $From = $From.PSObject.Properties[$n].Value }
            else { return $null }
        }
        return $From
    }
    function Get-Duration([string] $Name) { ConvertTo-OrcDuration -TimeSpan (ConvertTo-OrcTimeSpan -Value $Parameter[$Name] -ParameterName $Name) }

    if ($Parameter.Contains('Description')) {
        if ($Parameter['Description']) { Add-Edit 'description' ([string]$Parameter['Description']) } else { Add-Edit 'description' $null }
    }
    if ($Parameter.Contains('Command')) { Add-Edit 'action.command' ([string]$Parameter['Command']) }
    if ($Parameter.Contains('ArgumentList')) {
        $arguments = @($Parameter['ArgumentList'] | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_ })
        if ($arguments.Count -gt 0) { Add-Edit 'action.arguments' ([string[]]$arguments) } else { Add-Edit 'action.arguments' $null }
    }
    if ($Parameter.Contains('WorkingDirectory')) {
        if ($Parameter['WorkingDirectory']) { Add-Edit 'action.workingDirectory' ([string]$Parameter['WorkingDirectory']) } else { Add-Edit 'action.workingDirectory' $null }
    }

    $kind = $null
    foreach ($candidate in 'Cron', 'AtStartup', 'AtLogOn', 'Once', 'Every', 'OnDemand') {
        if ($Parameter.Contains($candidate) -and $Parameter[$candidate]) { $kind = $candidate }
    }
    $kinds = @{ Cron = 'cron'; AtStartup = 'startup'; AtLogOn = 'logon'; Once = 'once'; Every = 'interval' }
    if ($kind -eq 'OnDemand') {
        Add-Edit 'schedule' $null
    }
    elseif ($kind) {
        foreach ($other in @($kinds.Keys | Where-Object { $_ -ne $kind } | Sort-Object)) { Add-Edit "schedule.$($kinds[$other])" $null }
        switch ($kind) {
            'Cron' {
                Add-Edit 'schedule.cron' ([string]$Parameter['Cron'])
                if ($Parameter['TimeZone']) { Add-Edit 'schedule.timezone' ([string]$Parameter['TimeZone']) } else { Add-Edit 'schedule.timezone' $null }
            }
            'AtStartup' {
                Add-Edit 'schedule.timezone' $null
                Add-Edit 'schedule.startup' '{}' -Raw
            }
            'AtLogOn' {
                Add-Edit 'schedule.timezone' $null
                $logon = [ordered]@{}
                if ($Parameter['User']) { $logon['user'] = [string]$Parameter['User'] }
                Add-Edit 'schedule.logon' $logon
            }
            'Once' {
                Add-Edit 'schedule.timezone' $null
                $at = [System.DateTimeOffset][datetime]$Parameter['Once']
                Add-Edit 'schedule.once' ($at.ToString('yyyy-MM-ddTHH:mm:sszzz', [System.Globalization.CultureInfo]::InvariantCulture))
            }
            'Every' {
                Add-Edit 'schedule.timezone' $null
                Add-Edit 'schedule.interval' (Get-Duration 'Every')
            }
        }
    }
    elseif ($Parameter.Contains('TimeZone') -and (Read-Field $Current 'schedule', 'cron')) {
        Add-Edit 'schedule.timezone' ([string]$Parameter['TimeZone'])
    }

    if ($Parameter.Contains('DependsOn')) {
        $checks = @(Read-Field $Current 'dependencies', 'checks' | Where-Object { $null -ne $_ })
        $keep = @($checks | Where-Object { [string](Read-Field $_ 'type') -ne 'task' }).Count
        $new = @($Parameter['DependsOn'] | Where-Object { $_ } | ForEach-Object { [string]$_ })
        if ($keep + $new.Count -eq 0) {
            if ($checks.Count -gt 0 -or (Read-Field $Current 'dependencies')) { Add-Edit 'dependencies' $null }
        }
        else {
            # Remove task checks from the end, so the indices of the others stay right.
            for ($i = $checks.Count - 1; $i -ge 0; $i--) {
                if ([string](Read-Field $checks[$i] 'type') -eq 'task') { Add-Edit "dependencies.checks[$i]" $null }
            }
            foreach ($taskName in $new) { Add-Edit 'dependencies.checks[]' ([ordered]@{ type = 'task'; task = $taskName }) }
        }
    }

    if ($Parameter.Contains('RetryCount')) { Add-Edit 'retry.attempts' ([int]$Parameter['RetryCount'] + 1) }
    if ($Parameter.Contains('RetryDelay')) {
        if (-not $Parameter.Contains('RetryCount') -and $null -eq (Read-Field $Current 'retry', 'attempts')) { Add-Edit 'retry.attempts' 1 }
        Add-Edit 'retry.delay' (Get-Duration 'RetryDelay')
    }
    if ($Parameter.Contains('Timeout')) {
        $timeout = ConvertTo-OrcTimeSpan -Value $Parameter['Timeout'] -ParameterName 'Timeout'
        if ($timeout -gt [timespan]::Zero) { Add-Edit 'timeout' (ConvertTo-OrcDuration -TimeSpan $timeout) } else { Add-Edit 'timeout' $null }
    }
    if ($Parameter.Contains('Overlap')) { Add-Edit 'overlap' (([string]$Parameter['Overlap']).ToLowerInvariant()) }
    if ($Parameter.Contains('NotifyOn')) {
        $known = @{ failure = 'failure'; timeout = 'timeout'; skipped = 'skipped'; retriesexhausted = 'retriesExhausted'; success = 'success'; recovery = 'recovery' }
        Add-Edit 'notify.on' ([string[]]@($Parameter['NotifyOn'] | ForEach-Object { $known[([string]$_).ToLowerInvariant()] }))
    }
    if ($Parameter.Contains('NotifyTo')) { Add-Edit 'notify.to' ([string[]]@($Parameter['NotifyTo'] | ForEach-Object { [string]$_ })) }

    if ($Parameter.Contains('Credential') -and $Parameter['Credential']) {
        Add-Edit 'runAs' ([ordered]@{ type = 'user'; user = $Parameter['Credential'].UserName; logonType = 'password' })
    }
    elseif ($Parameter.Contains('GroupManagedServiceAccount') -and $Parameter['GroupManagedServiceAccount']) {
        $account = [string]$Parameter['GroupManagedServiceAccount']
        if (-not $account.EndsWith('$')) { $account += '$' }
        Add-Edit 'runAs' ([ordered]@{ type = 'gmsa'; user = $account })
    }
    elseif ($Parameter.Contains('RunAsSystem') -and $Parameter['RunAsSystem']) {
        Add-Edit 'runAs' $null
    }
    $edits.ToArray()
}
