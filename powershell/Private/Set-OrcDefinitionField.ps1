function Set-OrcDefinitionField {
    <#
    .SYNOPSIS
        Applies Register-OrcTask / Set-OrcTask parameters to a definition (an ordered hashtable).
    .DESCRIPTION
        The one mapping from cmdlet parameters to task definition fields (docs/tasks.md):
        Command/ArgumentList/WorkingDirectory -> action; Cron+TimeZone/AtStartup/AtLogOn+User/Once/
        Every/OnDemand -> schedule; DependsOn -> task checks; RetryCount (retries after the first
        attempt) + RetryDelay -> retry; Timeout; Overlap; NotifyOn/NotifyTo -> notify; Description;
        Credential -> runAs user (Password logon); GroupManagedServiceAccount -> runAs gmsa;
        RunAsSystem -> no runAs (SYSTEM). Parameters not given leave their field as it was.
        Does not change state outside the object it returns.
    .PARAMETER Definition
        The definition to change (not modified; a changed copy is returned).
    .PARAMETER Parameter
        The calling cmdlet's $PSBoundParameters.
    .OUTPUTS
        System.Collections.Specialized.OrderedDictionary
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [System.Collections.IDictionary] $Definition,

        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $Parameter
    )

    $d = ConvertTo-OrcPlainObject -InputObject $Definition
    if ($null -eq $d) { $d = [ordered]@{} }

    function Get-Section([string] $Key) {
        if (-not $d.Contains($Key) -or $d[$Key] -isnot [System.Collections.IDictionary]) {
            $d[$Key] = [ordered]@{}
        }
        return $d[$Key]
    }

    if ($Parameter.ContainsKey('Name')) { $d['name'] = [string]$Parameter['Name'] }
    if ($Parameter.ContainsKey('Description')) { $d['description'] = [string]$Parameter['Description'] }

    if ($Parameter.ContainsKey('Command')) { (Get-Section 'action')['command'] = [string]$Parameter['Command'] }
    if ($Parameter.ContainsKey('ArgumentList')) {
        $action = Get-Section 'action'
        $arguments = @($Parameter['ArgumentList'] | ForEach-Object { [string]$_ })
        if ($arguments.Count -gt 0) {
            $action['arguments'] = [object[]]$arguments
        }
        elseif ($action.Contains('arguments')) {
            $action.Remove('arguments')
        }
    }
    if ($Parameter.ContainsKey('WorkingDirectory')) {
        $action = Get-Section 'action'
        if ($Parameter['WorkingDirectory']) {
            $action['workingDirectory'] = [string]$Parameter['WorkingDirectory']
        }
        elseif ($action.Contains('workingDirectory')) {
            $action.Remove('workingDirectory')
        }
    }

    # Schedule: one kind at a time; jitter and catchUp survive a change of kind.
    $kind = $null
    foreach ($candidate in 'Cron', 'AtStartup', 'AtLogOn', 'Once', 'Every', 'OnDemand') {
        if ($Parameter.ContainsKey($candidate) -and $Parameter[$candidate]) { $kind = $candidate }
    }
    if ($kind -eq 'OnDemand') {
        if ($d.Contains('schedule')) { $d.Remove('schedule') }
    }
    elseif ($kind) {
        $schedule = [ordered]@{}
        if ($d.Contains('schedule') -and $d['schedule'] -is [System.Collections.IDictionary]) {
            foreach ($keep in 'jitter', 'catchUp') {
                if ($d['schedule'].Contains($keep)) { $schedule[$keep] = $d['schedule'][$keep] }
            }
        }
        switch ($kind) {
            'Cron' {
                $schedule['cron'] = [string]$Parameter['Cron']
                if ($Parameter['TimeZone']) { $schedule['timezone'] = [string]$Parameter['TimeZone'] }
            }
            'AtStartup' { $schedule['startup'] = [ordered]@{} }
            'AtLogOn' {
                $logon = [ordered]@{}
                if ($Parameter['User']) { $logon['user'] = [string]$Parameter['User'] }
                $schedule['logon'] = $logon
            }
            'Once' {
                $at = [System.DateTimeOffset][datetime]$Parameter['Once']
                $schedule['once'] = $at.ToString('yyyy-MM-ddTHH:mm:sszzz', [System.Globalization.CultureInfo]::InvariantCulture)
            }
            'Every' { $schedule['interval'] = ConvertTo-OrcDuration -TimeSpan (ConvertTo-OrcTimeSpan -Value $Parameter['Every'] -ParameterName Every) }
        }
        $d['schedule'] = $schedule
    }
    elseif ($Parameter.ContainsKey('TimeZone') -and $d.Contains('schedule') -and $d['schedule'].Contains('cron')) {
        $d['schedule']['timezone'] = [string]$Parameter['TimeZone']
    }

    if ($Parameter.ContainsKey('DependsOn')) {
        $dependencies = Get-Section 'dependencies'
        $checks = New-Object -TypeName System.Collections.Generic.List[object]
        if ($dependencies.Contains('checks')) {
            foreach ($check in @($dependencies['checks'])) {
                if ($check['type'] -ne 'task') { $checks.Add($check) }
            }
        }
        foreach ($taskName in @($Parameter['DependsOn'])) {
            if ($taskName) { $checks.Add([ordered]@{ type = 'task'; task = [string]$taskName }) }
        }
        if ($checks.Count -gt 0) {
            $dependencies['checks'] = $checks.ToArray()
        }
        else {
            $d.Remove('dependencies')
        }
    }

    if ($Parameter.ContainsKey('RetryCount')) { (Get-Section 'retry')['attempts'] = [int]$Parameter['RetryCount'] + 1 }
    if ($Parameter.ContainsKey('RetryDelay')) {
        $retry = Get-Section 'retry'
        if (-not $retry.Contains('attempts')) { $retry['attempts'] = 1 }
        $retry['delay'] = ConvertTo-OrcDuration -TimeSpan (ConvertTo-OrcTimeSpan -Value $Parameter['RetryDelay'] -ParameterName RetryDelay)
    }
    if ($Parameter.ContainsKey('Timeout')) {
        if ((ConvertTo-OrcTimeSpan -Value $Parameter['Timeout'] -ParameterName Timeout) -gt [timespan]::Zero) {
            $d['timeout'] = ConvertTo-OrcDuration -TimeSpan (ConvertTo-OrcTimeSpan -Value $Parameter['Timeout'] -ParameterName Timeout)
        }
        elseif ($d.Contains('timeout')) {
            $d.Remove('timeout')
        }
    }
    if ($Parameter.ContainsKey('Overlap')) { $d['overlap'] = ([string]$Parameter['Overlap']).ToLowerInvariant() }
    if ($Parameter.ContainsKey('NotifyOn')) {
        $known = @{ failure = 'failure'; timeout = 'timeout'; skipped = 'skipped'; retriesexhausted = 'retriesExhausted'; success = 'success'; recovery = 'recovery' }
        (Get-Section 'notify')['on'] = [object[]]@($Parameter['NotifyOn'] | ForEach-Object { $known[([string]$_).ToLowerInvariant()] })
    }
    if ($Parameter.ContainsKey('NotifyTo')) { (Get-Section 'notify')['to'] = [object[]]@($Parameter['NotifyTo'] | ForEach-Object { [string]$_ }) }

    if ($Parameter.ContainsKey('Credential') -and $Parameter['Credential']) {
        $d['runAs'] = [ordered]@{ type = 'user'; user = $Parameter['Credential'].UserName; logonType = 'password' }
    }
    elseif ($Parameter.ContainsKey('GroupManagedServiceAccount') -and $Parameter['GroupManagedServiceAccount']) {
        $account = [string]$Parameter['GroupManagedServiceAccount']
        if (-not $account.EndsWith('$')) { $account += '$' }
        $d['runAs'] = [ordered]@{ type = 'gmsa'; user = $account }
    }
    elseif ($Parameter.ContainsKey('RunAsSystem') -and $Parameter['RunAsSystem'] -and $d.Contains('runAs')) {
        $d.Remove('runAs')
    }
    return $d
}
