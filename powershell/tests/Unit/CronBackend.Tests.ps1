# The cron backend's private functions against a temp crontab file
# ($env:ORC_CRON_TARGET = <path>): no cron daemon, no real crontab.
BeforeDiscovery {
    $script:OnWindows = ($PSVersionTable.PSEdition -ne 'Core') -or $IsWindows
}

BeforeAll {
    $script:Root = Resolve-Path (Join-Path $PSScriptRoot '../../..')
    Import-Module (Join-Path $Root 'Orchestrator.psd1') -Force
    $script:SavedTarget = $env:ORC_CRON_TARGET
    $script:Latin1 = [System.Text.Encoding]::GetEncoding(28591)
    $script:Utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false

    # Foreign content with everything that must survive: a CRLF line, a tab, % and \%, a
    # VAR=value line, a blank line, UTF-8, a byte that is not UTF-8 and no final newline.
    $script:ForeignBytes = [byte[]]@(
        $Utf8.GetBytes("# keep me`r`n17 3 * * *`t/bin/true 100% done \% x # foreign`n`nMAILTO=`"`"`n# caf$([char]0xe9) ") +
        [byte]0xff +
        $Utf8.GetBytes("`n5 4 * * * /bin/echo no-newline"))

    function script:Get-CronBytes { [System.IO.File]::ReadAllBytes($env:ORC_CRON_TARGET) }
    function script:Get-CronLines { @(([System.IO.File]::ReadAllText($env:ORC_CRON_TARGET)) -split "`n") }
    function script:Remove-OurLines([byte[]] $Bytes) {
        # Drops every tagged line (with its LF) and returns the bytes left.
        $text = $Latin1.GetString($Bytes)
        $Latin1.GetBytes(($text -replace '(?m)^.*\s# orchestrator:task=[A-Za-z0-9._-]+\r?\n', ''))
    }
}

AfterAll {
    $env:ORC_CRON_TARGET = $SavedTarget
    Remove-Module Orchestrator -Force -ErrorAction SilentlyContinue
}

Describe 'ConvertTo-OrcCronSchedule' -Skip:$OnWindows {
    It 'maps <Why>' -ForEach @(
        @{ Why = 'a 5-field cron as is'; Schedule = @{ cron = '30 2 * * 1-5' }; Expression = '30 2 * * 1-5'; Delay = 0 }
        @{ Why = 'cron names as is'; Schedule = @{ cron = '0 6 1 JAN,JUL MON-FRI' }; Expression = '0 6 1 JAN,JUL MON-FRI'; Delay = 0 }
        @{ Why = 'a cron ? to *'; Schedule = @{ cron = '0 2 ? * MON' }; Expression = '0 2 * * MON'; Delay = 0 }
        @{ Why = '@hourly as is'; Schedule = @{ cron = '@hourly' }; Expression = '@hourly'; Delay = 0 }
        @{ Why = 'interval 1m to every minute'; Schedule = @{ interval = '1m' }; Expression = '* * * * *'; Delay = 0 }
        @{ Why = 'interval 15m to */15'; Schedule = @{ interval = '15m' }; Expression = '*/15 * * * *'; Delay = 0 }
        @{ Why = 'an interval TimeSpan'; Schedule = @{ interval = [timespan]::FromMinutes(20) }; Expression = '*/20 * * * *'; Delay = 0 }
        @{ Why = 'an interval as hh:mm:ss'; Schedule = @{ interval = '00:10:00' }; Expression = '*/10 * * * *'; Delay = 0 }
        @{ Why = 'interval 60m to hourly'; Schedule = @{ interval = '60m' }; Expression = '0 * * * *'; Delay = 0 }
        @{ Why = 'interval 1h to hourly'; Schedule = @{ interval = '1h' }; Expression = '0 * * * *'; Delay = 0 }
        @{ Why = 'interval 6h to 0 */6'; Schedule = @{ interval = '6h' }; Expression = '0 */6 * * *'; Delay = 0 }
        @{ Why = 'interval 1d to midnight'; Schedule = @{ interval = '1d' }; Expression = '0 0 * * *'; Delay = 0 }
        @{ Why = 'startup to @reboot'; Schedule = @{ startup = @{} }; Expression = '@reboot'; Delay = 0 }
        @{ Why = 'a startup delay to a sleep'; Schedule = @{ startup = @{ delay = '90s' } }; Expression = '@reboot'; Delay = 90 }
        @{ Why = "the host's own time zone"; Schedule = @{ cron = '0 2 * * *'; timezone = [System.TimeZoneInfo]::Local.Id }; Expression = '0 2 * * *'; Delay = 0 }
    ) {
        $r = InModuleScope Orchestrator -Parameters @{ S = $Schedule } { param($S) ConvertTo-OrcCronSchedule -Schedule $S -Name t }
        $r.Expression | Should -BeExactly $Expression
        $r.DelaySeconds | Should -Be $Delay
        $r.Gated | Should -BeFalse
    }

    # What Debian's cron 3.0 runs as is, and what orc-exec's cron gate serves instead
    # ('* * * * *' plus --cron-gate).
    It '<Cron> (timezone <Zone>) is <Kind>' -ForEach @(
        @{ Cron = '30 2 * * 1-5'; Zone = $null; Kind = 'native' }
        @{ Cron = '*/15 * * * *'; Zone = $null; Kind = 'native' }
        @{ Cron = '1-10/3 8-18/2 * * *'; Zone = $null; Kind = 'native' }
        @{ Cron = '0 6 1 jan,Jul MON-fri'; Zone = $null; Kind = 'native' }
        @{ Cron = '0 0 1,15 * 5'; Zone = $null; Kind = 'native' }
        @{ Cron = '0 9 * * 7'; Zone = $null; Kind = 'native' }
        @{ Cron = '0 9 ? * MON'; Zone = $null; Kind = 'native' }
        @{ Cron = '@weekly'; Zone = $null; Kind = 'native' }
        @{ Cron = '0 2 * * *'; Zone = 'host'; Kind = 'native' }
        @{ Cron = '0 9 15W * *'; Zone = $null; Kind = 'gated' }
        @{ Cron = '0 9 LW * *'; Zone = $null; Kind = 'gated' }
        @{ Cron = '0 9 * * 5#2'; Zone = $null; Kind = 'gated' }
        @{ Cron = '0 9 * * FRI#L'; Zone = $null; Kind = 'gated' }
        @{ Cron = '0 9 * * 5L'; Zone = $null; Kind = 'gated' }
        @{ Cron = '0 9 L * *'; Zone = $null; Kind = 'gated' }
        @{ Cron = '0 9 L-2 * *'; Zone = $null; Kind = 'gated' }
        @{ Cron = '5/20 * * * *'; Zone = $null; Kind = 'gated' }
        @{ Cron = '0 22-2 * * *'; Zone = $null; Kind = 'gated' }
        @{ Cron = '0 9 * * 1-7/2'; Zone = $null; Kind = 'gated' }
        @{ Cron = '0 2 * * *'; Zone = 'Pacific/Chatham'; Kind = 'gated' }
        @{ Cron = '@hourly'; Zone = 'Asia/Kathmandu'; Kind = 'gated' }
        @{ Cron = '0 2 * * *'; Zone = 'Not/AZone'; Kind = 'gated' }
    ) {
        $s = @{ cron = $Cron }
        if ($Zone -eq 'host') { $s.timezone = [System.TimeZoneInfo]::Local.Id }
        elseif ($Zone) { $s.timezone = $Zone }
        if ($Zone -and $Zone -ne 'host' -and [System.TimeZoneInfo]::Local.Id -in 'Pacific/Chatham', 'Asia/Kathmandu') {
            Set-ItResult -Skipped -Because 'the host is in that zone'
        }
        $r = InModuleScope Orchestrator -Parameters @{ S = $s } { param($S) ConvertTo-OrcCronSchedule -Schedule $S -Name t }
        if ($Kind -eq 'native') {
            $r.Gated | Should -BeFalse
            $r.GateReason | Should -BeNullOrEmpty
            $r.Expression | Should -BeExactly ($Cron -replace '\?', '*')
        }
        else {
            $r.Gated | Should -BeTrue
            $r.GateReason | Should -Not -BeNullOrEmpty
            $r.Expression | Should -BeExactly '* * * * *'
        }
        $r.DelaySeconds | Should -Be 0
    }

    It 'gates a cron schedule with a jitter (orc-exec waits it), not one with a zero jitter or an interval' {
        $gated = InModuleScope Orchestrator { ConvertTo-OrcCronSchedule -Schedule @{ cron = '0 9 * * *'; jitter = '5m' } -Name t }
        $gated.Gated | Should -BeTrue
        $gated.GateReason | Should -Match 'jitter'
        (InModuleScope Orchestrator { ConvertTo-OrcCronSchedule -Schedule @{ cron = '0 9 * * *'; jitter = '0s' } -Name t }).Gated | Should -BeFalse
        $w = InModuleScope Orchestrator { ConvertTo-OrcCronSchedule -Schedule @{ interval = '15m'; jitter = '1m' } -Name t 3>&1 }
        @($w | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Message | Should -Match 'schedule.jitter'
        ($w | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] }).Gated | Should -BeFalse
    }

    It 'reads a schedule object from JSON (orc-exec list) like a hashtable' {
        $s = '{"interval":"1h30m"}' | ConvertFrom-Json
        { InModuleScope Orchestrator -Parameters @{ S = $s } { param($S) ConvertTo-OrcCronSchedule -Schedule $S -Name t } } |
            Should -Throw -ErrorId 'Orc.UnsupportedInterval'
        $s = '{"cron":"*/5 * * * *"}' | ConvertFrom-Json
        (InModuleScope Orchestrator -Parameters @{ S = $s } { param($S) ConvertTo-OrcCronSchedule -Schedule $S -Name t }).Expression | Should -Be '*/5 * * * *'
    }

    It 'returns nothing for a task without schedule' {
        InModuleScope Orchestrator { ConvertTo-OrcCronSchedule -Schedule $null -Name t } | Should -BeNullOrEmpty
        InModuleScope Orchestrator { ConvertTo-OrcCronSchedule -Schedule @{} -Name t } | Should -BeNullOrEmpty
    }

    It 'refuses <Why> with <Id>, naming <Field>' -ForEach @(
        @{ Why = 'logon'; Schedule = @{ logon = @{} }; Id = 'Orc.UnsupportedSchedule'; Field = 'schedule.logon' }
        @{ Why = 'once'; Schedule = @{ once = '2030-01-01T00:00:00Z' }; Id = 'Orc.UnsupportedSchedule'; Field = 'schedule.once' }
        @{ Why = 'an interval of 45m'; Schedule = @{ interval = '45m' }; Id = 'Orc.UnsupportedInterval'; Field = 'schedule.interval' }
        @{ Why = 'an interval of 90m'; Schedule = @{ interval = '90m' }; Id = 'Orc.UnsupportedInterval'; Field = 'schedule.interval' }
        @{ Why = 'an interval of 7h'; Schedule = @{ interval = '7h' }; Id = 'Orc.UnsupportedInterval'; Field = 'schedule.interval' }
        @{ Why = 'an interval of 2d'; Schedule = @{ interval = '2d' }; Id = 'Orc.UnsupportedInterval'; Field = 'schedule.interval' }
        @{ Why = 'an interval of 90s'; Schedule = @{ interval = '90s' }; Id = 'Orc.UnsupportedInterval'; Field = 'schedule.interval' }
        @{ Why = 'four cron fields'; Schedule = @{ cron = '0 2 * *' }; Id = 'Orc.InvalidSchedule'; Field = 'schedule.cron' }
    ) {
        $err = $null
        try { InModuleScope Orchestrator -Parameters @{ S = $Schedule } { param($S) ConvertTo-OrcCronSchedule -Schedule $S -Name t } }
        catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike "$Id*"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match ([regex]::Escape($Field))
        $err.Exception.Message | Should -Match 'Use|Fix|Remove|Write'
    }
}

Describe 'Get-OrcCronGateReason (the forms Vixie cron 3.0 runs natively)' -Skip:$OnWindows {
    It 'accepts <Expression>' -ForEach @(
        @{ Expression = '* * * * *' }
        @{ Expression = '0 0 1 1 0' }
        @{ Expression = '59 23 31 12 7' }
        @{ Expression = '*/5 */2 */10 */3 */2' }
        @{ Expression = '0,15,30,45 9-17 1-15 1-6 1-5' }
        @{ Expression = '0-30/10 0-22/2 1-31/2 1-12/3 0-6/2' }
        @{ Expression = '00 09 * * *' }
        @{ Expression = '0 0 * JAN-MAR,oct SUN,wed-fri' }
        @{ Expression = "0`t2  *   * *" }
        # Steps as large as their range: Vixie cron runs the first value only, as orc-exec now reads them.
        @{ Expression = '*/60 * * * *' }
        @{ Expression = '0 */24 * * *' }
        @{ Expression = '0 0 1 */12 *' }
        @{ Expression = '0 15-15/3 * * *' }
        @{ Expression = '1-5/10 * * * *' }
    ) {
        InModuleScope Orchestrator -Parameters @{ E = $Expression } { param($E) Get-OrcCronGateReason -Expression $E } | Should -BeNullOrEmpty
    }

    It 'sends <Expression> to the gate: <Why>' -ForEach @(
        @{ Expression = '0 9 L * *'; Why = 'Quartz L'; Field = 'day-of-month' }
        @{ Expression = '0 9 15W * *'; Why = 'Quartz W'; Field = 'day-of-month' }
        @{ Expression = '0 9 * * 5#2'; Why = 'Quartz #'; Field = 'day-of-week' }
        @{ Expression = '0 9 * * 5L'; Why = 'Quartz DOWL'; Field = 'day-of-week' }
        @{ Expression = '5/20 * * * *'; Why = 'a step after a single value'; Field = 'minute' }
        @{ Expression = '0 22-2 * * *'; Why = 'a wrap-around range'; Field = 'hour' }
        @{ Expression = '60 * * * *'; Why = 'a minute out of range'; Field = 'minute' }
        @{ Expression = '0 24 * * *'; Why = 'an hour out of range'; Field = 'hour' }
        @{ Expression = '0 0 0 * *'; Why = 'day 0'; Field = 'day-of-month' }
        @{ Expression = '0 0 * 13 *'; Why = 'month 13'; Field = 'month' }
        @{ Expression = '0 0 * * 8'; Why = 'weekday 8'; Field = 'day-of-week' }
        @{ Expression = '*/0 * * * *'; Why = 'a zero step'; Field = 'minute' }
        @{ Expression = '*/61 * * * *'; Why = 'a step longer than the field'; Field = 'minute' }
        @{ Expression = '0 0 * MON *'; Why = 'a weekday name as a month'; Field = 'month' }
        @{ Expression = 'JAN * * * *'; Why = 'a name in a numeric field'; Field = 'minute' }
        @{ Expression = '0 0 1,,2 * *'; Why = 'an empty list item'; Field = 'day-of-month' }
        @{ Expression = '0 0 * * 1-7/2'; Why = 'a stepped weekday range ending on 7'; Field = 'day-of-week' }
        @{ Expression = '0 0 * * MONDAY'; Why = 'a long name'; Field = 'day-of-week' }
        @{ Expression = 'H 0 * * *'; Why = 'a hashed value'; Field = 'minute' }
        @{ Expression = '0 0 * *'; Why = 'four fields'; Field = 'fields' }
    ) {
        $r = InModuleScope Orchestrator -Parameters @{ E = $Expression } { param($E) Get-OrcCronGateReason -Expression $E }
        $r | Should -Not -BeNullOrEmpty
        $r | Should -Match ([regex]::Escape($Field))
    }
}

Describe 'ConvertTo-OrcCronLine / ConvertFrom-OrcCronLine' -Skip:$OnWindows {
    It 'writes the documented user-crontab format' {
        InModuleScope Orchestrator { ConvertTo-OrcCronLine -Name hello -Schedule '*/5 * * * *' -ExecPath /opt/orc/orc-exec -StoreHome /var/lib/orchestrator } |
            Should -BeExactly "*/5 * * * * '/opt/orc/orc-exec' run hello --home '/var/lib/orchestrator' >/dev/null 2>&1 # orchestrator:task=hello"
    }

    It 'writes the system format with a user field, a startup delay and the disabled prefix' {
        InModuleScope Orchestrator { ConvertTo-OrcCronLine -Name boot -Schedule '@reboot' -ExecPath /o/orc-exec -StoreHome /s -User root -DelaySeconds 30 -Disabled } |
            Should -BeExactly "#orchestrator-disabled# @reboot root sleep 30 && '/o/orc-exec' run boot --home '/s' >/dev/null 2>&1 # orchestrator:task=boot"
    }

    It 'appends --cron-gate to the orc-exec arguments of a gated line, and reads it back' {
        $line = InModuleScope Orchestrator { ConvertTo-OrcCronLine -Name g -Schedule '* * * * *' -ExecPath /opt/orc/orc-exec -StoreHome /var/lib/orchestrator -User root -Gated -Disabled }
        $line | Should -BeExactly "#orchestrator-disabled# * * * * * root '/opt/orc/orc-exec' run g --home '/var/lib/orchestrator' --cron-gate >/dev/null 2>&1 # orchestrator:task=g"
        $e = InModuleScope Orchestrator -Parameters @{ L = $line } { param($L) ConvertFrom-OrcCronLine -Line $L }
        $e.Gated | Should -BeTrue
        $e.Schedule | Should -BeExactly '* * * * *'
        $e.StoreHome | Should -BeExactly '/var/lib/orchestrator'
        $e.User | Should -BeExactly 'root'
        $e.Enabled | Should -BeFalse
        $plain = InModuleScope Orchestrator { ConvertTo-OrcCronLine -Name g -Schedule '* * * * *' -ExecPath /o/orc-exec -StoreHome /s }
        $plain | Should -Not -Match 'cron-gate'
        (InModuleScope Orchestrator -Parameters @{ L = $plain } { param($L) ConvertFrom-OrcCronLine -Line $L }).Gated | Should -BeFalse
    }

    It 'reads back every part it wrote, <Why>' -ForEach @(
        @{ Why = 'plain'; Exec = '/opt/orc/orc-exec'; Store = '/var/lib/orchestrator'; User = $null; Delay = 0; Disabled = $false; When = '0 2 * * *' }
        @{ Why = 'spaces and quotes'; Exec = "/tmp/it's a dir/orc-exec"; Store = "/tmp/my 'store'"; User = $null; Delay = 0; Disabled = $false; When = '@daily' }
        @{ Why = 'percent signs'; Exec = '/tmp/100%/orc-exec'; Store = '/tmp/%s%'; User = 'root'; Delay = 5; Disabled = $true; When = '*/5 * * * *' }
    ) {
        $p = @{ Name = 'db.export_1'; Schedule = $When; ExecPath = $Exec; StoreHome = $Store; DelaySeconds = $Delay; Disabled = $Disabled }
        if ($User) { $p.User = $User }
        $line = InModuleScope Orchestrator -Parameters @{ P = $p } { param($P) ConvertTo-OrcCronLine @P }
        $e = InModuleScope Orchestrator -Parameters @{ L = $line } { param($L) ConvertFrom-OrcCronLine -Line ($L + "`r`n") }
        $e.Name | Should -BeExactly 'db.export_1'
        $e.Enabled | Should -Be (-not $Disabled)
        $e.Schedule | Should -BeExactly $When
        $e.ExecPath | Should -BeExactly $Exec
        $e.StoreHome | Should -BeExactly $Store
        $e.User | Should -Be $User
        $e.DelaySeconds | Should -Be $Delay
        $e.Line | Should -BeExactly $line
    }

    It 'escapes % for cron and quotes for sh so that the shell gets the exact paths' {
        $dir = Join-Path ([System.IO.Path]::GetTempPath()) ("orc cron 'q' 100% " + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        try {
            $fake = Join-Path $dir "orc-exec it's"
            $argsFile = Join-Path $dir 'args'
            Set-Content -Path $fake -Value "#!/bin/sh`nfor a in `"`$@`"; do printf '%s\n' `"`$a`"; done > `"`$ORC_ARGS`"" -NoNewline
            & chmod 755 $fake
            $line = InModuleScope Orchestrator -Parameters @{ F = $fake; S = "$dir/st%ore" } { param($F, $S) ConvertTo-OrcCronLine -Name t -Schedule '* * * * *' -ExecPath $F -StoreHome $S }
            $line | Should -Not -Match '(?<!\\)%'
            # What cron does before handing the command to sh: drop the 5 time fields, turn \% into %.
            $command = ($line -replace '^(\S+\s+){5}', '') -replace '\\%', '%'
            $env:ORC_ARGS = $argsFile
            & /bin/sh -c $command
            @(Get-Content -Path $argsFile) | Should -Be @('run', 't', '--home', "$dir/st%ore")
        }
        finally {
            Remove-Item Env:ORC_ARGS -ErrorAction SilentlyContinue
            Remove-Item -LiteralPath $dir -Recurse -Force
        }
    }

    It 'ignores a foreign line: <Line>' -ForEach @(
        @{ Line = '17 3 * * * /bin/true # foreign' }
        @{ Line = '# orchestrator:task=x' }
        @{ Line = 'MAILTO=ops@example.com' }
        @{ Line = '' }
        @{ Line = '0 1 * * * /bin/echo # orchestrator:task=' }
    ) {
        InModuleScope Orchestrator -Parameters @{ L = $Line } { param($L) ConvertFrom-OrcCronLine -Line $L } | Should -BeNullOrEmpty
    }

    It 'refuses a path with a line break' {
        { InModuleScope Orchestrator { ConvertTo-OrcCronLine -Name t -Schedule '@daily' -ExecPath "/tmp/a`nb" -StoreHome /s } } |
            Should -Throw -ErrorId 'Orc.InvalidCronPath'
    }
}

Describe 'cron backend on a crontab file' -Skip:$OnWindows {
    BeforeEach {
        $script:Dir = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-cron-unit-' + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $Dir | Out-Null
        $env:ORC_CRON_TARGET = Join-Path $Dir 'crontab'
        [System.IO.File]::WriteAllBytes($env:ORC_CRON_TARGET, $ForeignBytes)
        $script:Exec = "/opt/orc tools/orc-exec"
        $script:Store = "/var/lib/orc's store"
    }
    AfterEach {
        Remove-Item -LiteralPath $Dir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'adds a line at the top and keeps every foreign byte' {
        $r = InModuleScope Orchestrator -Parameters @{ E = $Exec; S = $Store } { param($E, $S) Register-OrcCronTask -Definition @{ name = 'hello'; schedule = @{ cron = '*/5 * * * *' } } -ExecPath $E -StoreHome $S }
        $r.Name | Should -Be 'hello'
        $r.Changed | Should -BeTrue
        $lines = Get-CronLines
        $lines[0] | Should -BeExactly "*/5 * * * * '/opt/orc tools/orc-exec' run hello --home '/var/lib/orc'\''s store' >/dev/null 2>&1 # orchestrator:task=hello"
        Remove-OurLines (Get-CronBytes) | Should -Be $ForeignBytes
        $t = @(InModuleScope Orchestrator { Get-OrcCronTask })
        $t.Count | Should -Be 1
        $t[0].Name | Should -Be 'hello'
        $t[0].Enabled | Should -BeTrue
        $t[0].Schedule | Should -Be '*/5 * * * *'
        $t[0].ExecPath | Should -Be $Exec
        $t[0].Line | Should -BeExactly $lines[0]
    }

    It 'is idempotent: registering the same definition twice changes nothing the second time' {
        $def = @{ name = 'hello'; schedule = @{ interval = '15m' } }
        $p = @{ D = $def; E = $Exec; S = $Store }
        (InModuleScope Orchestrator -Parameters $p { param($D, $E, $S) Register-OrcCronTask -Definition $D -ExecPath $E -StoreHome $S }).Changed | Should -BeTrue
        $before = Get-CronBytes
        $stamp = (Get-Item $env:ORC_CRON_TARGET).LastWriteTimeUtc
        Start-Sleep -Milliseconds 20
        (InModuleScope Orchestrator -Parameters $p { param($D, $E, $S) Register-OrcCronTask -Definition $D -ExecPath $E -StoreHome $S }).Changed | Should -BeFalse
        Get-CronBytes | Should -Be $before
        (Get-Item $env:ORC_CRON_TARGET).LastWriteTimeUtc | Should -Be $stamp
    }

    It 'replaces a task''s line in place and puts a new task after the last Orchestrator line' {
        $p = @{ E = $Exec; S = $Store }
        InModuleScope Orchestrator -Parameters $p { param($E, $S)
            Register-OrcCronTask -Definition @{ name = 'a'; schedule = @{ cron = '0 1 * * *' } } -ExecPath $E -StoreHome $S
            Register-OrcCronTask -Definition @{ name = 'b'; schedule = @{ cron = '0 2 * * *' } } -ExecPath $E -StoreHome $S
            Register-OrcCronTask -Definition @{ name = 'a'; schedule = @{ cron = '0 3 * * *' } } -ExecPath $E -StoreHome $S
        } | ForEach-Object Changed | Should -Be @($true, $true, $true)
        $t = @(InModuleScope Orchestrator { Get-OrcCronTask })
        $t.Name | Should -Be @('a', 'b')
        $t[0].Schedule | Should -Be '0 3 * * *'
        Remove-OurLines (Get-CronBytes) | Should -Be $ForeignBytes
        @(InModuleScope Orchestrator { Get-OrcCronTask -Name 'b*', 'zzz' }).Name | Should -Be @('b')
    }

    It 'disables and enables a line with the disabled prefix, and returns nothing' {
        InModuleScope Orchestrator -Parameters @{ E = $Exec; S = $Store } { param($E, $S) Register-OrcCronTask -Definition @{ name = 'hello'; schedule = @{ cron = '@hourly' } } -ExecPath $E -StoreHome $S } | Out-Null
        $enabledLine = (Get-CronLines)[0]
        InModuleScope Orchestrator { Disable-OrcCronTask -Name hello } | Should -BeNullOrEmpty
        (Get-CronLines)[0] | Should -BeExactly ('#orchestrator-disabled# ' + $enabledLine)
        (InModuleScope Orchestrator { Get-OrcCronTask -Name hello }).Enabled | Should -BeFalse
        $disabledBytes = Get-CronBytes
        InModuleScope Orchestrator { Disable-OrcCronTask -Name hello }
        Get-CronBytes | Should -Be $disabledBytes
        InModuleScope Orchestrator { Enable-OrcCronTask -Name hello } | Should -BeNullOrEmpty
        (Get-CronLines)[0] | Should -BeExactly $enabledLine
        (InModuleScope Orchestrator { Get-OrcCronTask -Name hello }).Enabled | Should -BeTrue
        InModuleScope Orchestrator { Enable-OrcCronTask -Name nope -Verbose 4>&1 } | Should -Match 'no line'
        Remove-OurLines (Get-CronBytes) | Should -Be $ForeignBytes
    }

    It 'writes a definition with enabled = false as a disabled line' {
        $def = '{"name":"off","enabled":false,"schedule":{"cron":"0 4 * * *"}}' | ConvertFrom-Json
        InModuleScope Orchestrator -Parameters @{ D = $def; E = $Exec; S = $Store } { param($D, $E, $S) Register-OrcCronTask -Definition $D -ExecPath $E -StoreHome $S } | Out-Null
        (Get-CronLines)[0] | Should -BeLike '#orchestrator-disabled# 0 4 * * * *# orchestrator:task=off'
        (InModuleScope Orchestrator { Get-OrcCronTask -Name off }).Enabled | Should -BeFalse
    }

    It 'removes the task''s line and restores the foreign bytes exactly' {
        InModuleScope Orchestrator -Parameters @{ E = $Exec; S = $Store } { param($E, $S)
            Register-OrcCronTask -Definition @{ name = 'a'; schedule = @{ cron = '0 1 * * *' } } -ExecPath $E -StoreHome $S
            Register-OrcCronTask -Definition @{ name = 'b'; schedule = @{ startup = @{} } } -ExecPath $E -StoreHome $S
            Disable-OrcCronTask -Name b
        } | Out-Null
        (InModuleScope Orchestrator { Get-OrcCronTask -Name b }).Enabled | Should -BeFalse
        InModuleScope Orchestrator { Unregister-OrcCronTask -Name a } | Should -BeTrue
        InModuleScope Orchestrator { Unregister-OrcCronTask -Name a } | Should -BeFalse
        InModuleScope Orchestrator { Unregister-OrcCronTask -Name b } | Should -BeTrue
        Get-CronBytes | Should -Be $ForeignBytes
    }

    It 'gives a task without schedule no line, and removes the line of a task that lost its schedule' {
        $p = @{ E = $Exec; S = $Store }
        (InModuleScope Orchestrator -Parameters $p { param($E, $S) Register-OrcCronTask -Definition @{ name = 'manual' } -ExecPath $E -StoreHome $S }).Changed | Should -BeFalse
        Get-CronBytes | Should -Be $ForeignBytes
        InModuleScope Orchestrator -Parameters $p { param($E, $S) Register-OrcCronTask -Definition @{ name = 'manual'; schedule = @{ cron = '@daily' } } -ExecPath $E -StoreHome $S } | Out-Null
        (InModuleScope Orchestrator -Parameters $p { param($E, $S) Register-OrcCronTask -Definition @{ name = 'manual' } -ExecPath $E -StoreHome $S }).Changed | Should -BeTrue
        Get-CronBytes | Should -Be $ForeignBytes
    }

    It 'writes --cron-gate only for a gated schedule: <Why>' -ForEach @(
        @{ Why = 'Quartz W'; Schedule = @{ cron = '0 9 15W * *' }; When = '* * * * *'; Gated = $true }
        @{ Why = 'Quartz #'; Schedule = @{ cron = '0 9 * * 5#2' }; When = '* * * * *'; Gated = $true }
        @{ Why = 'Quartz L'; Schedule = @{ cron = '0 9 L * *' }; When = '* * * * *'; Gated = $true }
        @{ Why = 'another time zone'; Schedule = @{ cron = '0 9 * * *'; timezone = 'Pacific/Chatham' }; When = '* * * * *'; Gated = $true }
        @{ Why = 'the host''s time zone'; Schedule = @{ cron = '0 9 * * *'; timezone = [System.TimeZoneInfo]::Local.Id }; When = '0 9 * * *'; Gated = $false }
        @{ Why = 'a plain cron'; Schedule = @{ cron = '0 9 * * 1-5' }; When = '0 9 * * 1-5'; Gated = $false }
        @{ Why = 'an interval'; Schedule = @{ interval = '5m' }; When = '*/5 * * * *'; Gated = $false }
        @{ Why = 'startup'; Schedule = @{ startup = @{ delay = '10s' } }; When = '@reboot'; Gated = $false }
    ) {
        if ($Schedule['timezone'] -eq 'Pacific/Chatham' -and [System.TimeZoneInfo]::Local.Id -eq 'Pacific/Chatham') {
            Set-ItResult -Skipped -Because 'the host is in Pacific/Chatham'
        }
        InModuleScope Orchestrator -Parameters @{ D = @{ name = 'job'; schedule = $Schedule }; E = $Exec; S = $Store } { param($D, $E, $S) Register-OrcCronTask -Definition $D -ExecPath $E -StoreHome $S } | Out-Null
        $line = (Get-CronLines)[0]
        $line | Should -BeLike "$When *# orchestrator:task=job"
        if ($Gated) {
            $line | Should -BeLike "* * * * * '/opt/orc tools/orc-exec' run job --home '/var/lib/orc'\''s store' --cron-gate >/dev/null 2>&1 # orchestrator:task=job"
        }
        else {
            $line | Should -Not -Match 'cron-gate'
        }
        $t = InModuleScope Orchestrator { Get-OrcCronTask -Name job }
        $t.Gated | Should -Be $Gated
        $t.Schedule | Should -BeExactly $When
        Remove-OurLines (Get-CronBytes) | Should -Be $ForeignBytes
    }

    It 'switches a task between gated and native in place, idempotently' {
        $p = @{ E = $Exec; S = $Store }
        InModuleScope Orchestrator -Parameters $p { param($E, $S)
            Register-OrcCronTask -Definition @{ name = 'a'; schedule = @{ cron = '0 1 * * *' } } -ExecPath $E -StoreHome $S
            Register-OrcCronTask -Definition @{ name = 'b'; schedule = @{ cron = '0 9 L * *' } } -ExecPath $E -StoreHome $S
            Register-OrcCronTask -Definition @{ name = 'b'; schedule = @{ cron = '0 9 L * *' } } -ExecPath $E -StoreHome $S
            Register-OrcCronTask -Definition @{ name = 'a'; schedule = @{ cron = '0 1 * * 5#1' } } -ExecPath $E -StoreHome $S
            Register-OrcCronTask -Definition @{ name = 'b'; schedule = @{ cron = '0 9 28 * *' } } -ExecPath $E -StoreHome $S
        } | ForEach-Object Changed | Should -Be @($true, $true, $false, $true, $true)
        $t = @(InModuleScope Orchestrator { Get-OrcCronTask })
        $t.Name | Should -Be @('a', 'b')
        $t.Gated | Should -Be @($true, $false)
        $t.Schedule | Should -Be @('* * * * *', '0 9 28 * *')
        InModuleScope Orchestrator { Disable-OrcCronTask -Name a; Enable-OrcCronTask -Name a }
        (InModuleScope Orchestrator { Get-OrcCronTask -Name a }).Gated | Should -BeTrue
        Remove-OurLines (Get-CronBytes) | Should -Be $ForeignBytes
    }

    It 'leaves the crontab untouched when the schedule cannot be mapped' {
        { InModuleScope Orchestrator -Parameters @{ E = $Exec; S = $Store } { param($E, $S) Register-OrcCronTask -Definition @{ name = 'x'; schedule = @{ logon = @{} } } -ExecPath $E -StoreHome $S } } |
            Should -Throw -ErrorId 'Orc.UnsupportedSchedule'
        Get-CronBytes | Should -Be $ForeignBytes
    }

    It 'creates a missing file with mode 0644 and keeps the mode of an existing one' {
        Remove-Item -LiteralPath $env:ORC_CRON_TARGET
        InModuleScope Orchestrator -Parameters @{ E = $Exec; S = $Store } { param($E, $S) Register-OrcCronTask -Definition @{ name = 'a'; schedule = @{ cron = '@daily' } } -ExecPath $E -StoreHome $S } | Out-Null
        [System.IO.File]::GetUnixFileMode($env:ORC_CRON_TARGET) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite, GroupRead, OtherRead')
        & chmod 600 $env:ORC_CRON_TARGET
        InModuleScope Orchestrator { Unregister-OrcCronTask -Name a } | Should -BeTrue
        [System.IO.File]::GetUnixFileMode($env:ORC_CRON_TARGET) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
        (Get-Item $env:ORC_CRON_TARGET).Length | Should -Be 0
        @(Get-ChildItem -LiteralPath $Dir -Force).Name | Should -Be @('crontab')
    }

    It 'writes the system format (user field) for /etc/cron.d targets' {
        $target = [pscustomobject]@{ Kind = 'File'; Path = $env:ORC_CRON_TARGET; Format = 'System'; User = 'root'; Description = 'test' }
        InModuleScope Orchestrator -Parameters @{ T = $target; E = $Exec; S = $Store } { param($T, $E, $S)
            Mock Get-OrcCronTarget { $T }
            Register-OrcCronTask -Definition @{ name = 'sys'; schedule = @{ cron = '0 5 * * *' } } -ExecPath $E -StoreHome $S | Out-Null
            (Get-OrcCronTask -Name sys).User | Should -Be 'root'
        }
        (Get-CronLines)[0] | Should -BeLike "0 5 * * * root '/opt/orc tools/orc-exec' run sys *"
    }
}

Describe 'Get-OrcCronTarget' -Skip:$OnWindows {
    AfterEach { $env:ORC_CRON_TARGET = $SavedTarget }

    It 'chooses <Expect> for ORC_CRON_TARGET=<Value> (uid <Uid>)' -ForEach @(
        @{ Value = 'user'; Uid = 0; Expect = 'Crontab'; Format = 'User'; Path = $null }
        @{ Value = ''; Uid = 1000; Expect = 'Crontab'; Format = 'User'; Path = $null }
        @{ Value = 'system'; Uid = 0; Expect = 'File'; Format = 'System'; Path = '/etc/cron.d/orchestrator' }
        @{ Value = '/tmp/x.cron'; Uid = 1000; Expect = 'File'; Format = 'User'; Path = '/tmp/x.cron' }
        @{ Value = '/etc/cron.d/other'; Uid = 0; Expect = 'File'; Format = 'System'; Path = '/etc/cron.d/other' }
    ) {
        $env:ORC_CRON_TARGET = $Value
        $t = InModuleScope Orchestrator -Parameters @{ U = $Uid } { param($U) Mock Get-OrcUserId { $U }; Get-OrcCronTarget }
        $t.Kind | Should -Be $Expect
        $t.Format | Should -Be $Format
        $t.Path | Should -Be $Path
    }

    It 'refuses the system target to a non-root user' {
        $env:ORC_CRON_TARGET = 'system'
        { InModuleScope Orchestrator { Mock Get-OrcUserId { 1000 }; Get-OrcCronTarget } } | Should -Throw -ErrorId 'Orc.CronTargetDenied'
    }
}
