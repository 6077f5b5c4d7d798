function Initialize-Orchestrator {
    <#
    .SYNOPSIS
        Sets up Orchestrator on this host: store, executor, mail, Event Log source, daily report; then checks it.
    .DESCRIPTION
        Initialize-Orchestrator is the first-run setup. Each step runs only when asked, and changes
        only what differs from what is there, so running it again is safe:

        - Store: creates the store (or checks an existing one) with 'orc-exec init'. A -StoreHome
          other than the current one becomes ORC_HOME (machine-wide on Windows).
        - Executor: installs the module's orc-exec where tasks run it (-InstallExecutor).
        - Notification: the SMTP settings given (Set-OrcNotificationSetting with only the values
          that differ), then a test mail with -SendTestMail.
        - EventLog: registers the Orchestrator source in the Application log (-EventLogSource; Windows).
        - Report: registers the daily-report task at -ReportAt (HH:mm).

        At a console it asks for every value not given, showing the current one (Enter keeps it).
        It never asks with -NonInteractive, in a host started with -NonInteractive, or without a
        user session. It ends with Test-OrcEnvironment. Output: one Orchestrator.InitializeResult
        per step (Changed, Unchanged, Skipped, Passed or Failed), then the environment checks.
    .PARAMETER StoreHome
        The store folder. Default: the current one (ORC_HOME, else the platform default).
    .PARAMETER InstallExecutor
        Install (or update) the executor that registered tasks run.
    .PARAMETER SmtpServer
        The SMTP server's host name.
    .PARAMETER Port
        The SMTP port.
    .PARAMETER Tls
        StartTls, StartTlsOpportunistic, Implicit or None.
    .PARAMETER Authentication
        Plain, Login, CramMD5 or None.
    .PARAMETER Credential
        The SMTP user name and password (the password goes to the secret store).
    .PARAMETER From
        The sender address.
    .PARAMETER To
        The default recipients.
    .PARAMETER SendTestMail
        Send a test mail with the settings (Send-OrcTestMail).
    .PARAMETER EventLogSource
        Register the Orchestrator Event Log source (Windows, elevated).
    .PARAMETER ReportAt
        Time of the daily report as HH:mm (24-hour clock, this host's time zone).
    .PARAMETER NonInteractive
        Never ask; do only what the parameters say.
    .EXAMPLE
        Initialize-Orchestrator

        At a console: asks for each setting, showing the current value, then checks the installation.
    .EXAMPLE
        Initialize-Orchestrator -NonInteractive -InstallExecutor -SmtpServer mail.example.com -From orc@example.com -To ops@example.com -SendTestMail -EventLogSource -ReportAt 07:00

        The same from a deployment script: nothing is asked.
    .EXAMPLE
        Initialize-Orchestrator -NonInteractive -ReportAt 06:30 -WhatIf

        Shows what moving the daily report would change, without changing it.
    .INPUTS
        None. This cmdlet does not take pipeline input.
    .OUTPUTS
        Orchestrator.InitializeResult, then Orchestrator.EnvironmentCheck.
    .LINK
        Test-OrcEnvironment
    .LINK
        Set-OrcNotificationSetting
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    [OutputType('Orchestrator.InitializeResult', 'Orchestrator.EnvironmentCheck')]
    param(
        [ValidateNotNullOrEmpty()]
        [string] $StoreHome,

        [switch] $InstallExecutor,

        [ValidateNotNullOrEmpty()]
        [string] $SmtpServer,

        [ValidateRange(1, 65535)]
        [int] $Port,

        [ValidateSet('StartTls', 'StartTlsOpportunistic', 'Implicit', 'None')]
        [string] $Tls,

        [ValidateSet('Plain', 'Login', 'CramMD5', 'None')]
        [string] $Authentication,

        [System.Management.Automation.PSCredential]
        [System.Management.Automation.Credential()]
        $Credential = [System.Management.Automation.PSCredential]::Empty,

        [ValidateNotNullOrEmpty()]
        [string] $From,

        [ValidateNotNullOrEmpty()]
        [string[]] $To,

        [switch] $SendTestMail,

        [switch] $EventLogSource,

        [ValidatePattern('^([01]?[0-9]|2[0-3]):[0-5][0-9]$')]
        [string] $ReportAt,

        [switch] $NonInteractive
    )

    $ask = (-not $NonInteractive) -and (Test-OrcInteractive)
    $given = $PSBoundParameters

    # Store
    $current = Get-OrcStoreHome
    $target = $current
    if ($given.ContainsKey('StoreHome')) { $target = $StoreHome }
    elseif ($ask) { $target = Read-OrcSetting -Prompt 'Store folder' -Default $current }
    $storeChanged = $false
    if ($target -ne $current) {
        if ($PSCmdlet.ShouldProcess($target, 'Use as the Orchestrator store (ORC_HOME)')) {
            $env:ORC_HOME = $target
            if (Test-OrcWindows) {
                [System.Environment]::SetEnvironmentVariable('ORC_HOME', $target, 'Machine')
            }
            else {
                Write-Warning "ORC_HOME is set for this session only: add 'export ORC_HOME=$target' to the profile of the accounts that run the module (crontab lines carry --home themselves)."
            }
            $storeChanged = $true
        }
    }
    if ($PSCmdlet.ShouldProcess($target, 'Create or check the store')) {
        $init = Invoke-OrcExec -ArgumentList @('init') -StoreHome $target
        if ($init.ExitCode -ne 0) {
            New-OrcInitializeResult -Step Store -Result Failed -Detail (@($init.StdErr) -join ' ')
            $PSCmdlet.WriteError((ConvertTo-OrcErrorRecord -Result $init -TargetObject $target))
            return
        }
        $record = @($init.Records)[0]
        if ($record.created) { New-OrcInitializeResult -Step Store -Result Changed -Detail "created $($record.home)" }
        elseif ($storeChanged) { New-OrcInitializeResult -Step Store -Result Changed -Detail "now using $($record.home)" }
        else { New-OrcInitializeResult -Step Store -Result Unchanged -Detail "$($record.home) exists and is safe" }
    }

    # Executor
    $install = $InstallExecutor.IsPresent
    if (-not $given.ContainsKey('InstallExecutor') -and $ask) {
        $install = Read-OrcSetting -Prompt 'Install or update the executor that tasks run? (y/n)' -Default 'y' -YesNo
    }
    $execPath = $null
    if (-not $install) {
        New-OrcInitializeResult -Step Executor -Result Skipped -Detail 'not asked (-InstallExecutor)'
    }
    elseif ($PSCmdlet.ShouldProcess('orc-exec', 'Install the executor')) {
        # Whether this run installed anything: the installed file's hash before and after (an
        # up-to-date or newer executor is left alone by Install-OrcExecutable).
        $destination = Get-OrcExecutableInstallPath -StoreHome $target
        $before = $null
        if (Test-Path -LiteralPath $destination -PathType Leaf) { $before = (Get-FileHash -LiteralPath $destination -Algorithm SHA256).Hash }
        $execPath = Install-OrcExecutable -StoreHome $target -ErrorAction Stop
        $after = (Get-FileHash -LiteralPath $execPath -Algorithm SHA256).Hash
        if ($before -ne $after) { New-OrcInitializeResult -Step Executor -Result Changed -Detail "installed $execPath" }
        else { New-OrcInitializeResult -Step Executor -Result Unchanged -Detail "$execPath is up to date" }
    }

    # Notification
    $settings = $null
    try { $settings = Get-OrcNotificationSetting -ErrorAction Stop } catch { Write-Verbose "No notification settings yet: $_" }
    $currentOf = @{}
    if ($settings) {
        $currentOf = @{ SmtpServer = [string]$settings.SmtpServer; From = [string]$settings.From; To = (@($settings.To) -join ',') }
        if ($settings.Port) { $currentOf.Port = [int]$settings.Port }
        # orc-exec spells them starttls-opportunistic and cram-md5; the parameters StartTlsOpportunistic
        # and CramMD5 (and -eq ignores case).
        if ($settings.Tls) { $currentOf.Tls = ([string]$settings.Tls) -replace '-', '' }
        if ($settings.Authentication) { $currentOf.Authentication = ([string]$settings.Authentication) -replace '-', '' }
    }
    $wanted = @{}
    foreach ($key in 'SmtpServer', 'Port', 'Tls', 'Authentication', 'From', 'To') {
        if ($given.ContainsKey($key)) { $wanted[$key] = $given[$key] }
    }
    if ($given.ContainsKey('Credential') -and $Credential -ne [System.Management.Automation.PSCredential]::Empty) { $wanted.Credential = $Credential }
    if ($ask) {
        foreach ($key in 'SmtpServer', 'From', 'To') {
            if ($wanted.ContainsKey($key)) { continue }
            $answer = Read-OrcSetting -Prompt @{ SmtpServer = 'SMTP server (empty: no mail)'; From = 'Sender address'; To = 'Recipients (comma-separated)' }[$key] -Default $currentOf[$key]
            if ($answer -and $answer -ne $currentOf[$key]) {
                if ($key -eq 'To') { $wanted.To = @($answer -split '\s*,\s*' | Where-Object { $_ }) } else { $wanted[$key] = $answer }
            }
            if ($key -eq 'SmtpServer' -and -not $answer) { break }
        }
    }
    # Only what differs: re-running with the same values writes nothing.
    foreach ($key in @($wanted.Keys)) {
        $now = $currentOf[$key]
        $new = $wanted[$key]
        if ($key -eq 'To') { $new = @($new) -join ',' }
        if ($null -ne $now -and [string]$now -eq [string]$new) { $wanted.Remove($key) }
    }
    if ($wanted.Count -eq 0) {
        $detail = 'no change asked'
        if ($settings -and $settings.Configured) { $detail = "kept ($($settings.SmtpServer))" }
        New-OrcInitializeResult -Step Notification -Result Unchanged -Detail $detail
    }
    elseif ($PSCmdlet.ShouldProcess('notification settings', ('Set ' + (@($wanted.Keys | Sort-Object) -join ', ')))) {
        Set-OrcNotificationSetting @wanted -Confirm:$false -ErrorAction Stop
        New-OrcInitializeResult -Step Notification -Result Changed -Detail ('set ' + (@($wanted.Keys | Sort-Object) -join ', '))
    }

    $testMail = $SendTestMail.IsPresent
    if (-not $given.ContainsKey('SendTestMail') -and $ask -and ($wanted.Count -gt 0)) {
        $testMail = Read-OrcSetting -Prompt 'Send a test mail now? (y/n)' -Default 'y' -YesNo
    }
    if ($testMail -and $PSCmdlet.ShouldProcess('notification settings', 'Send a test mail')) {
        $sent = Send-OrcTestMail -ErrorAction SilentlyContinue -ErrorVariable mailError
        if ($mailError) { New-OrcInitializeResult -Step TestMail -Result Failed -Detail ([string]$mailError[0]) }
        else { New-OrcInitializeResult -Step TestMail -Result Passed -Detail ('sent to ' + (@($sent | ForEach-Object { $_.To }) -join ', ')) }
    }

    # Event Log
    if (-not (Test-OrcWindows)) {
        if ($EventLogSource) { New-OrcInitializeResult -Step EventLog -Result Skipped -Detail 'no Windows Event Log on this system' }
    }
    else {
        $register = $EventLogSource.IsPresent
        if (-not $given.ContainsKey('EventLogSource') -and $ask) {
            $register = Read-OrcSetting -Prompt 'Register the Orchestrator Event Log source? (y/n)' -Default 'y' -YesNo
        }
        if (-not $register) {
            New-OrcInitializeResult -Step EventLog -Result Skipped -Detail 'not asked (-EventLogSource)'
        }
        elseif ($PSCmdlet.ShouldProcess('Application log', 'Register the Orchestrator source')) {
            $event = Invoke-OrcExec -ArgumentList @('eventlog', 'install') -StoreHome $target
            if ($event.ExitCode -ne 0) {
                New-OrcInitializeResult -Step EventLog -Result Failed -Detail (@($event.StdErr) -join ' ')
                $PSCmdlet.WriteError((ConvertTo-OrcErrorRecord -Result $event -TargetObject 'eventlog'))
            }
            else { New-OrcInitializeResult -Step EventLog -Result Changed -Detail 'source Orchestrator registered in the Application log' }
        }
    }

    # Daily report
    $existing = $null
    try { $existing = Get-OrcTask -Name 'daily-report' -ErrorAction Stop } catch { Write-Verbose "No daily report task: $_" }
    $currentAt = ''
    if ($existing -and [string]$existing.Schedule -match '^(\d{1,2}) (\d{1,2}) \* \* \*$') { $currentAt = '{0:00}:{1:00}' -f [int]$Matches[2], [int]$Matches[1] }
    $at = $ReportAt
    if (-not $given.ContainsKey('ReportAt') -and $ask) {
        $at = Read-OrcSetting -Prompt 'Daily report time, HH:mm (empty: none)' -Default $currentAt
        if ($at -and $at -notmatch '^([01]?[0-9]|2[0-3]):[0-5][0-9]$') { throw (New-OrcErrorRecord -Message "The report time '$at' is not HH:mm (for example 07:00)." -ErrorId 'Orc.InvalidReportTime' -Category InvalidArgument -TargetObject $at) }
    }
    if (-not $at) {
        New-OrcInitializeResult -Step Report -Result Skipped -Detail 'no report time asked (-ReportAt)'
    }
    else {
        $hour, $minute = $at.Split(':') | ForEach-Object { [int]$_ }
        $cron = '{0} {1} * * *' -f $minute, $hour
        $arguments = @('report', '--since', '24h', '--send', '--home', $target)
        if ($existing -and [string]$existing.Schedule -eq $cron -and ((@($existing.Arguments) -join "`n") -eq ($arguments -join "`n"))) {
            New-OrcInitializeResult -Step Report -Result Unchanged -Detail "daily-report already runs at $at"
        }
        elseif ($PSCmdlet.ShouldProcess('daily-report', "Register the daily report at $at")) {
            if (-not $execPath) { $execPath = Install-OrcExecutable -StoreHome $target -ErrorAction Stop }
            Register-OrcTask -Name 'daily-report' -Command $execPath -ArgumentList $arguments -Cron $cron -Description "Mail the last 24 hours' runs to the operators" -Confirm:$false -ErrorAction Stop | Out-Null
            New-OrcInitializeResult -Step Report -Result Changed -Detail "daily-report runs at $at"
        }
    }

    if (-not $WhatIfPreference) {
        Test-OrcEnvironment -ErrorAction SilentlyContinue
    }
}
